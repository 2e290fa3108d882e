package org.netweave.manager.api;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * One operation of the API as both Javalin and the OpenAPI document see it.
 *
 * @param path      below {@code /api/v1}, with {@code {name}} path parameters
 * @param request   the body's type, or null for none
 * @param response  the success body's type, or null for none
 * @param status    the success status
 */
public record ApiRoute(HandlerType method, String path, String summary, Class<?> request, Class<?> response,
                       boolean listResponse, int status, Handler handler) {
}
