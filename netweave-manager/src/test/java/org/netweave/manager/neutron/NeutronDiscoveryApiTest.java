package org.netweave.manager.neutron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netweave.manager.neutron.NeutronFixture.assertNeutronError;

import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.manager.ManagerSettings;

/** The documents a Neutron client reads before anything else, and errors on paths that do not exist. */
class NeutronDiscoveryApiTest {
    @TempDir
    static Path dir;
    static NeutronFixture net;

    @BeforeAll
    static void start() throws Exception {
        net = NeutronFixture.start(ManagerSettings.local(dir).withoutApiAuth());
    }

    @AfterAll
    static void stop() {
        net.close();
    }

    @Test
    void theRootIsAVersionsDocumentWhoseSelfLinkIsAbsolute() {
        var versions = net.neutron.get("/");
        assertThat(versions.status()).isEqualTo(200);
        assertThat(versions.at("/versions")).hasSize(1);
        assertThat(versions.at("/versions/0/id").asText()).isEqualTo("v2.0");
        assertThat(versions.at("/versions/0/status").asText()).isEqualTo("CURRENT");
        assertThat(versions.at("/versions/0/links/0/rel").asText()).isEqualTo("self");
        assertThat(versions.at("/versions/0/links/0/href").asText())
                .isEqualTo("http://127.0.0.1:" + net.manager.apiPort() + "/v2.0/");
    }

    @Test
    void v2IsTheResourcesDocumentWithOrWithoutTheTrailingSlash() {
        for (String path : new String[] {"/v2.0/", "/v2.0"}) {
            var resources = net.neutron.get(path);
            assertThat(resources.status()).as(path).isEqualTo(200);
            assertThat(resources.at("/resources").findValuesAsText("collection"))
                    .containsExactlyInAnyOrder("networks", "subnets", "ports", "routers");
            assertThat(resources.at("/resources").findValuesAsText("href"))
                    .contains("http://127.0.0.1:" + net.manager.apiPort() + "/v2.0/networks");
        }
    }

    @Test
    void onlyImplementedExtensionsAreAdvertised() {
        JsonNode extensions = net.neutron.get("/v2.0/extensions").at("/extensions");
        assertThat(extensions.findValuesAsText("alias")).containsExactlyInAnyOrder("router", "dvr", "extraroute",
                "router-admin-state-down-before-update", "binding");
        var dvr = net.neutron.get("/v2.0/extensions/dvr");
        assertThat(dvr.status()).isEqualTo(200);
        assertThat(dvr.at("/extension/alias").asText()).isEqualTo("dvr");
        assertThat(dvr.at("/extension/name").asText()).isEqualTo("Distributed Virtual Router");
        assertNeutronError(net.neutron.get("/v2.0/extensions/standard-attr-description"), 404, "ExtensionNotFound");
        assertNeutronError(net.neutron.get("/v2.0/extensions/external-gateway-multihoming"), 404, "ExtensionNotFound");
    }

    @Test
    void unknownPathsAndMethodsAnswerNeutronErrors() {
        assertNeutronError(net.neutron.get("/v2.0/floatingips"), 404, "HTTPNotFound");
        var wrongMethod = net.neutron.send("PATCH", "/v2.0/networks", "{}");
        assertThat(wrongMethod.status()).isIn(404, 405);
        assertThat(wrongMethod.at("/NeutronError/type").asText()).startsWith("HTTP");
        assertNeutronError(net.neutron.post("/v2.0/networks", "{\"network\":{\"name\":\"" + "x".repeat(5 << 20)
                + "\"}}"), 413, "HTTPRequestEntityTooLarge");
        // The native API keeps its own error shape.
        assertThat(net.api.get("/no-such-thing").at("/error").asText()).isEqualTo("not_found");
    }

    @Test
    void theNativeOpenApiDocumentDescribesOnlyTheNativeApi() {
        var paths = net.api.get("/openapi.json").at("/paths").properties().stream().map(Map.Entry::getKey).toList();
        assertThat(paths).isNotEmpty().allMatch(path -> path.startsWith("/api/v1/"));
        assertThat(paths).noneMatch(path -> path.contains("v2.0"));
    }
}
