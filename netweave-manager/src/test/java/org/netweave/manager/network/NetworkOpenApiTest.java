package org.netweave.manager.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import org.junit.jupiter.api.Test;
import org.netweave.manager.api.ApiRegistry;
import org.netweave.manager.api.ApiRoute;
import org.netweave.manager.api.OpenApiDocument;
import org.netweave.manager.realization.RealizationService;
import org.netweave.manager.testing.SchemaNames;

/** The network part of the OpenAPI document: every operation, every field described, schema names unique. */
class NetworkOpenApiTest {
    private static List<ApiRoute> routes() {
        ApiRegistry registry = new ApiRegistry();
        // The routes only declare themselves here; no request reaches a service, so no store is needed.
        new NetworkApi(null, new RealizationService(), new TestDlrLifecycle()).routes().forEach(r -> r.register(registry));
        return registry.routes();
    }

    @Test
    void everyOperationIsInTheDocument() {
        var operations = new TreeSet<String>();
        routes().forEach(route -> operations.add(route.method() + " " + route.path()));
        assertThat(operations).containsExactlyInAnyOrder(
                "POST /segment-pools", "GET /segment-pools", "GET /segment-pools/{id}", "DELETE /segment-pools/{id}",
                "POST /transport-zones", "GET /transport-zones", "GET /transport-zones/{id}", "DELETE /transport-zones/{id}",
                "POST /transport-zones/{id}/expand", "POST /transport-zones/{id}/shrink",
                "POST /logical-switches", "GET /logical-switches", "GET /logical-switches/{id}", "DELETE /logical-switches/{id}",
                "PUT /vms/{vmId}/vnics/{index}", "GET /logical-switches/{id}/vnics",
                "GET /logical-switches/{id}/external-vteps", "GET /logical-switches/{id}/external-vteps/{vtepIp}",
                "PUT /logical-switches/{id}/external-vteps/{vtepIp}", "DELETE /logical-switches/{id}/external-vteps/{vtepIp}",
                "POST /dlrs", "GET /dlrs", "GET /dlrs/{id}", "DELETE /dlrs/{id}", "POST /dlrs/{id}/interfaces",
                "DELETE /dlrs/{id}/interfaces/{index}", "GET /dlrs/{id}/routing/static", "PUT /dlrs/{id}/routing/static",
                "PUT /dlrs/{id}/bridges/{name}", "DELETE /dlrs/{id}/bridges/{name}");
        OpenAPI document = OpenApiDocument.build(routes(), "test");
        assertThat(document.getPaths().get("/api/v1/dlrs").getPost().getResponses()).containsKey("202");
        assertThat(document.getPaths().get("/api/v1/dlrs/{id}").getDelete().getResponses()).containsKey("202");
    }

    @Test
    void everyPropertyOfEverySchemaIsDescribed() {
        Map<String, Schema> schemas = OpenApiDocument.build(routes(), "test").getComponents().getSchemas();
        assertThat(schemas).containsKeys("DlrRequest", "Dlr", "DlrInterface", "LogicalSwitch", "TransportZone", "SegmentPool",
                "ExternalVtep", "VnicAttachment", "NetworkDeletion");
        schemas.forEach((name, schema) -> {
            assertThat(schema.getDescription()).as(name).isNotBlank();
            if (schema.getProperties() != null) {
                ((Map<String, Schema>) schema.getProperties()).forEach((property, value) -> assertThat(
                        value.getDescription() != null || value.get$ref() != null).as(name + "." + property).isTrue());
            }
        });
    }

    @Test
    void noTwoClassesShareASchemaName() {
        SchemaNames.assertUnique(routes());
    }
}
