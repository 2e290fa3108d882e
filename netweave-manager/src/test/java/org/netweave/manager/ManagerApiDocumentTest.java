package org.netweave.manager;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.controller.zk.ZkTuning;
import org.netweave.manager.api.ApiRegistry;
import org.netweave.manager.api.ApiRoute;
import org.netweave.manager.controllers.EmbeddedControllerFleet;
import org.netweave.manager.testing.ApiClient;
import org.netweave.manager.testing.SchemaNames;

/** The whole manager's API: every operation in the served OpenAPI document, every field described, names unique. */
@Tag("embedded-zookeeper")
class ManagerApiDocumentTest {
    @TempDir
    static Path dir;

    private static Manager manager;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        manager = Manager.start(ManagerSettings.local(dir.resolve("manager")).withoutApiAuth(), EmbeddedControllerFleet.create(
                dir.resolve("controllers"), ZkTuning.ofTick(Duration.ofMillis(200)), Duration.ofSeconds(2)));
        api = new ApiClient(manager.apiPort());
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    private static List<ApiRoute> routes() {
        ApiRegistry registry = new ApiRegistry();
        manager.apiRoutes().forEach(family -> family.register(registry));
        return registry.routes();
    }

    @Test
    void theServedDocumentHasEveryOperationOfEveryResourceFamily() {
        JsonNode paths = api.get("/openapi.json").at("/paths");
        List<String> missing = new ArrayList<>();
        for (ApiRoute route : routes()) {
            if (paths.at("/" + (ApiRegistry.PREFIX + route.path()).replace("~", "~0").replace("/", "~1") + "/"
                    + route.method().name().toLowerCase()).isMissingNode()) {
                missing.add(route.method() + " " + route.path());
            }
        }
        assertThat(missing).isEmpty();
        assertThat(routes()).extracting(route -> route.method() + " " + route.path())
                .contains("POST /controllers", "GET /jobs/{id}", "POST /hosts", "POST /clusters/{id}/prepare",
                        "POST /vms/{id}/migrate", "POST /dlrs", "PUT /dlrs/{id}/bridges/{name}");
    }

    @Test
    void everyPropertyOfEverySchemaIsDescribed() {
        JsonNode schemas = api.get("/openapi.json").at("/components/schemas");
        List<String> undescribed = new ArrayList<>();
        schemas.properties().forEach(schema -> {
            if (schema.getValue().path("description").asText().isBlank()) {
                undescribed.add(schema.getKey());
            }
            schema.getValue().path("properties").properties().forEach(property -> {
                JsonNode value = property.getValue();
                if (value.path("description").asText().isBlank() && value.path("$ref").isMissingNode()) {
                    undescribed.add(schema.getKey() + "." + property.getKey());
                }
            });
        });
        assertThat(undescribed).isEmpty();
    }

    @Test
    void noTwoClassesShareASchemaName() {
        SchemaNames.assertUnique(routes());
    }
}
