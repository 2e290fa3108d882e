package org.netweave.manager.api;

import java.util.ArrayList;
import java.util.List;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * Collects the API's operations. Each {@link ApiRoutes} declares an operation once, with its
 * summary and body types, and the same declaration serves the request and describes it in the
 * OpenAPI document, so the two cannot drift apart.
 */
public final class ApiRegistry {
    public static final String PREFIX = "/api/v1";

    private final List<ApiRoute> routes = new ArrayList<>();

    public ApiRegistry get(String path, String summary, Class<?> response, Handler handler) {
        return add(new ApiRoute(HandlerType.GET, path, summary, null, response, false, 200, handler));
    }

    /** A GET whose body is a JSON array of {@code element}. */
    public ApiRegistry list(String path, String summary, Class<?> element, Handler handler) {
        return add(new ApiRoute(HandlerType.GET, path, summary, null, element, true, 200, handler));
    }

    public ApiRegistry post(String path, String summary, Class<?> request, Class<?> response, int status, Handler handler) {
        return add(new ApiRoute(HandlerType.POST, path, summary, request, response, false, status, handler));
    }

    public ApiRegistry put(String path, String summary, Class<?> request, Class<?> response, Handler handler) {
        return add(new ApiRoute(HandlerType.PUT, path, summary, request, response, false, 200, handler));
    }

    public ApiRegistry delete(String path, String summary, Class<?> response, Handler handler) {
        return add(new ApiRoute(HandlerType.DELETE, path, summary, null, response, false, response == null ? 204 : 200, handler));
    }

    public ApiRegistry add(ApiRoute route) {
        if (!route.path().startsWith("/")) {
            throw new IllegalArgumentException("API paths start with '/': " + route.path());
        }
        routes.add(route);
        return this;
    }

    public List<ApiRoute> routes() {
        return List.copyOf(routes);
    }
}
