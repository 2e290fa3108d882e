package org.netweave.manager.api;

import java.io.Closeable;
import java.util.List;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import org.netweave.model.InvalidValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The manager's HTTP server: every registered route below {@code /api/v1}, the OpenAPI document at
 * {@code /api/v1/openapi.json}, and one error shape for every failure; beside them, foreign APIs
 * ({@link ForeignApi}: Neutron's) on their own paths with their own error shape. Handlers stay thin (decode,
 * call the service, encode); anything that refuses a request throws {@link ApiException}.
 */
public final class ApiServer implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    /** A DLR with 999 LIFs is about 150 KiB of JSON; nothing legitimate comes near this. */
    static final long MAX_REQUEST_BYTES = 4L * 1024 * 1024;

    private final Javalin app;

    private ApiServer(Javalin app) {
        this.app = app;
    }

    /** Starts serving on {@code host:port} (port 0 picks a free one). */
    public static ApiServer start(String host, int port, List<ApiRoutes> resources, String version) {
        return start(host, port, resources, List.of(), List.of(), (ctx, millis) -> { }, null, version);
    }

    /**
     * As above, with {@code plain} endpoints outside every API (such as {@code /metrics}), a
     * logger that sees every request once it is answered, and a {@code gate} that runs before
     * every request and refuses by throwing {@link ApiException} (null: none).
     */
    public static ApiServer start(String host, int port, List<ApiRoutes> resources, List<ForeignApi> foreign,
                                  List<Endpoint> plain, io.javalin.http.RequestLogger requests,
                                  io.javalin.http.Handler gate, String version) {
        ApiRegistry registry = new ApiRegistry();
        resources.forEach(resource -> resource.register(registry));
        String openApi = OpenApiDocument.json(registry.routes(), version);
        Javalin app = Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(Json.mapper(), false));
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.startup.showJavalinBanner = false;
            config.router.ignoreTrailingSlashes = true;
            if (gate != null) {
                config.routes.before(gate);
            }
            for (ApiRoute route : registry.routes()) {
                config.routes.addEndpoint(new Endpoint(route.method(), ApiRegistry.PREFIX + route.path(), ctx -> {
                    route.handler().handle(ctx);
                    if (ctx.statusCode() == 200 && route.status() != 200) {
                        ctx.status(route.status());
                    }
                }));
            }
            foreign.forEach(api -> api.endpoints().forEach(config.routes::addEndpoint));
            plain.forEach(config.routes::addEndpoint);
            config.requestLogger.http(requests);
            config.routes.addEndpoint(new Endpoint(HandlerType.GET, ApiRegistry.PREFIX + "/openapi.json",
                    ctx -> ctx.contentType("application/json").result(openApi)));
            config.routes.exception(ApiException.class, (e, ctx) -> {
                // The gate's 401, 403 and 429 on a foreign API's path come in that API's shape.
                boolean gated = e.status() == 401 || e.status() == 403 || e.status() == 429;
                if (!gated || !refusedByForeign(foreign, ctx, e.status(), e.getMessage())) {
                    ctx.status(e.status()).json(e.body());
                }
            });
            config.routes.exception(HttpResponseException.class, (e, ctx) -> {
                if (!refusedByForeign(foreign, ctx, e.getStatus(), e.getMessage())) {
                    refuse(ctx, e);
                }
            });
            config.routes.exception(InvalidValueException.class, (e, ctx) ->
                    ctx.status(400).json(new ApiError("invalid_value", e.field(), e.getMessage())));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                ctx.status(500).json(new ApiError("internal_error", null,
                        "the manager failed to carry out the request; its log has the details"));
            });
            config.routes.error(404, "*", ctx -> {
                if (refusedByForeign(foreign, ctx, 404, "")) {
                    return;
                }
                if (ctx.result() == null || ctx.result().isEmpty() || !ctx.result().startsWith("{")) {
                    ctx.json(new ApiError("not_found", null, "no resource " + ctx.method() + " " + ctx.path()));
                }
            });
            config.routes.error(405, "*", ctx -> {
                if (!refusedByForeign(foreign, ctx, 405, "")) {
                    ctx.json(new ApiError("method_not_allowed", null, ctx.method() + " is not allowed on " + ctx.path()));
                }
            });
        });
        app.start(host, port);
        LOG.info("API at http://{}:{}{} ({} operations)", host, app.port(), ApiRegistry.PREFIX, registry.routes().size());
        return new ApiServer(app);
    }

    /**
     * A refusal on a foreign API's path is answered in that API's shape, unless its own handler
     * already answered (a handler's 404 for an unknown id has a body).
     */
    private static boolean refusedByForeign(List<ForeignApi> foreign, io.javalin.http.Context ctx, int status,
                                            String message) {
        for (ForeignApi api : foreign) {
            if (api.owns(ctx.path())) {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    api.refuse(ctx, status, message);
                }
                return true;
            }
        }
        return false;
    }

    /** Javalin's own refusals (a body over the size limit, a bad content length) in our shape. */
    private static void refuse(io.javalin.http.Context ctx, HttpResponseException e) {
        ctx.status(e.getStatus()).json(new ApiError(switch (e.getStatus()) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "too_large";
            default -> "bad_request";
        }, null, e.getStatus() == 404 ? "no resource " + ctx.method() + " " + ctx.path() : e.getMessage()));
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
