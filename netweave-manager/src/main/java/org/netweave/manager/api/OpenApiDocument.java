package org.netweave.manager.api;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * The OpenAPI 3 document of {@code /api/v1}, built from the registered routes: paths, path
 * parameters, request and response schemas (from the records, with their {@code @Schema}
 * descriptions), and the error body every operation can answer with.
 */
public final class OpenApiDocument {
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    private OpenApiDocument() {
    }

    public static String json(List<ApiRoute> routes, String version) {
        try {
            return io.swagger.v3.core.util.Json31.pretty(build(routes, version));
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot render the OpenAPI document", e);
        }
    }

    public static OpenAPI build(List<ApiRoute> routes, String version) {
        Map<String, Schema> schemas = new TreeMap<>();
        schemas.putAll(ModelConverters.getInstance().readAll(ApiError.class));
        Map<String, PathItem> items = new TreeMap<>();
        for (ApiRoute route : routes) {
            PathItem item = items.computeIfAbsent(ApiRegistry.PREFIX + route.path(), path -> new PathItem());
            item.operation(PathItem.HttpMethod.valueOf(route.method().name()), operation(route, schemas));
        }
        Paths paths = new Paths();
        items.forEach(paths::addPathItem);
        return new OpenAPI()
                .info(new Info().title("Netweave manager API").version(version)
                        .description("Desired state of the logical network and the compute inventory. Every write"
                                + " returns a generation; every object shows per host which generation is applied."))
                .paths(paths)
                .components(new Components().schemas(schemas));
    }

    private static Operation operation(ApiRoute route, Map<String, Schema> schemas) {
        Operation operation = new Operation().summary(route.summary())
                .operationId(route.method().name().toLowerCase() + route.path().replaceAll("[^A-Za-z0-9]+", "_"));
        Matcher matcher = PARAMETER.matcher(route.path());
        while (matcher.find()) {
            operation.addParametersItem(new Parameter().in("path").name(matcher.group(1)).required(true)
                    .schema(new StringSchema()));
        }
        if (route.request() != null) {
            operation.requestBody(new RequestBody().required(true).content(json(reference(route.request(), schemas))));
        }
        ApiResponses responses = new ApiResponses();
        ApiResponse success = new ApiResponse().description(successText(route.status()));
        if (route.response() != null) {
            Schema<?> body = reference(route.response(), schemas);
            success.content(json(route.listResponse() ? new ArraySchema().items(body) : body));
        }
        responses.addApiResponse(String.valueOf(route.status()), success);
        responses.addApiResponse("4XX", new ApiResponse().description("The request was refused; nothing changed.")
                .content(json(new Schema<>().$ref("#/components/schemas/ApiError"))));
        operation.responses(responses);
        return operation;
    }

    private static Schema<?> reference(Class<?> type, Map<String, Schema> schemas) {
        schemas.putAll(ModelConverters.getInstance().readAll(type));
        return new Schema<>().$ref("#/components/schemas/" + type.getSimpleName());
    }

    private static Content json(Schema<?> schema) {
        return new Content().addMediaType("application/json", new MediaType().schema(schema));
    }

    private static String successText(int status) {
        return switch (status) {
            case 201 -> "Created.";
            case 202 -> "Accepted: a job carries the work out; follow it at /api/v1/jobs/{id}.";
            case 204 -> "Done; no body.";
            default -> "OK.";
        };
    }

    /** For tests: the document as a Jackson tree. */
    static com.fasterxml.jackson.databind.JsonNode tree(List<ApiRoute> routes) throws JsonProcessingException {
        return Json.mapper().readTree(json(routes, "test"));
    }
}
