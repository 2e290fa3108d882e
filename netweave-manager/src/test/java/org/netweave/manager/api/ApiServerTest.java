package org.netweave.manager.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.netweave.manager.testing.ApiClient;
import org.netweave.model.Vni;

/** The error shape and the OpenAPI document, with a made-up resource. */
class ApiServerTest {
    @Schema(description = "A thing for the test.")
    public record Thing(@Schema(description = "Its name.") String name, @Schema(description = "Its VNI.") int vni,
                        List<Part> parts) {
        public Thing {
            new Vni(vni);
        }
    }

    public record Part(@Schema(description = "A VNI.") int vni) {
        public Part {
            new Vni(vni);
        }
    }

    private static ApiServer server;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        server = ApiServer.start("127.0.0.1", 0, List.of(registry -> registry
                .post("/things", "Create a thing", Thing.class, Thing.class, 201, ctx -> ctx.json(RequestBodies.decode(ctx, Thing.class)))
                .get("/things/{id}", "One thing", Thing.class, ctx -> {
                    throw ApiException.notFound("id", "thing", ctx.pathParam("id"));
                })
                .get("/boom", "Fails", Thing.class, ctx -> {
                    throw new IllegalStateException("secret internals");
                })), "test");
        api = new ApiClient(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aGoodRequestGetsItsDeclaredStatus() {
        var reply = api.post("/things", "{\"name\":\"a\",\"vni\":5000,\"parts\":[]}");
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.at("/vni").asInt()).isEqualTo(5000);
    }

    @Test
    void malformedJsonIs400WithTheErrorShape() {
        var reply = api.post("/things", "{\"name\":");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.at("/error").asText()).isEqualTo("malformed_json");
        assertThat(reply.body().has("field")).isTrue();
        assertThat(reply.at("/message").asText()).isNotBlank();
    }

    @Test
    void anUnknownFieldIsNamed() {
        var reply = api.post("/things", "{\"name\":\"a\",\"vni\":5000,\"parts\":[],\"colour\":\"red\"}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.at("/error").asText()).isEqualTo("unknown_field");
        assertThat(reply.at("/field").asText()).isEqualTo("colour");
    }

    @Test
    void aWrongTypeIsNamed() {
        var reply = api.post("/things", "{\"name\":\"a\",\"vni\":\"many\",\"parts\":[]}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.at("/field").asText()).isEqualTo("vni");
    }

    @Test
    void aBodyOfTheWrongShapeIsRefusedWithoutJavaNames() {
        var reply = api.post("/things", "[]");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.at("/error").asText()).isEqualTo("malformed_json");
        assertThat(reply.text()).doesNotContain("org.netweave").doesNotContain("Cannot deserialize");
    }

    @Test
    void aBodyOverTheLimitGetsTheErrorShape() {
        var reply = api.post("/things", "{\"name\":\"" + "x".repeat((int) ApiServer.MAX_REQUEST_BYTES) + "\"}");
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.at("/error").asText()).isEqualTo("too_large");
    }

    @Test
    void aNumberWhereTextBelongsIsRefused() {
        var reply = api.post("/things", "{\"name\":7,\"vni\":5000,\"parts\":[]}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.at("/field").asText()).isEqualTo("name");
    }

    @Test
    void aValueTheModelRefusesIsNamedWithItsPath() {
        var top = api.post("/things", "{\"name\":\"a\",\"vni\":17,\"parts\":[]}");
        assertThat(top.status()).isEqualTo(400);
        assertThat(top.at("/error").asText()).isEqualTo("invalid_value");
        assertThat(top.at("/field").asText()).isEqualTo("vni");
        assertThat(top.at("/message").asText()).contains("17");

        var nested = api.post("/things", "{\"name\":\"a\",\"vni\":5000,\"parts\":[{\"vni\":5000},{\"vni\":3}]}");
        assertThat(nested.status()).isEqualTo(400);
        assertThat(nested.at("/field").asText()).isEqualTo("parts[1].vni");
    }

    @Test
    void notFoundAndUnknownPathsAndFailuresKeepTheShapeAndHideInternals() {
        assertThat(api.get("/things/x").status()).isEqualTo(404);
        assertThat(api.get("/things/x").at("/error").asText()).isEqualTo("not_found");
        assertThat(api.get("/nothing-here").status()).isEqualTo(404);
        assertThat(api.get("/nothing-here").at("/error").asText()).isEqualTo("not_found");
        var boom = api.get("/boom");
        assertThat(boom.status()).isEqualTo(500);
        assertThat(boom.text()).doesNotContain("secret").doesNotContain("Exception");
    }

    @Test
    void modelValuesAreWrittenAsPeopleWriteThem() throws Exception {
        record View(org.netweave.model.HostId host, org.netweave.model.Vni vni, org.netweave.model.MacAddress mac,
                    org.netweave.model.Ipv4Address ip) {
        }
        String json = Json.mapper().writeValueAsString(new View(org.netweave.model.HostId.of("host-1"),
                new Vni(5001), org.netweave.model.MacAddress.parse("02:50:56:56:44:52"),
                org.netweave.model.Ipv4Address.parse("10.0.1.1")));
        assertThat(json).isEqualTo("{\"host\":\"host-1\",\"vni\":5001,\"mac\":\"02:50:56:56:44:52\",\"ip\":\"10.0.1.1\"}");
    }

    @Test
    void theOpenApiDocumentDescribesEveryOperationAndField() {
        var doc = api.get("/openapi.json");
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.at("/paths/~1api~1v1~1things/post/summary").asText()).isEqualTo("Create a thing");
        assertThat(doc.at("/paths/~1api~1v1~1things~1{id}/get/parameters/0/name").asText()).isEqualTo("id");
        assertThat(doc.at("/components/schemas/Thing/properties/vni/description").asText()).isEqualTo("Its VNI.");
        assertThat(doc.at("/components/schemas/ApiError/properties/field").isMissingNode()).isFalse();
    }
}
