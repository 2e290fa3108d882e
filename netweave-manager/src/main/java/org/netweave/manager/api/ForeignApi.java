package org.netweave.manager.api;

import java.util.List;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;

/**
 * An API the manager serves beside {@code /api/v1} for another system's clients (the Neutron v2.0
 * API): its own paths, its own error body, and no part of the OpenAPI document, which describes
 * the manager's own API. Its handlers answer their own errors; the server asks it only about
 * requests that matched none of its endpoints.
 */
public interface ForeignApi {
    /** Its endpoints, with full paths. */
    List<Endpoint> endpoints();

    /** Whether {@code path} is this API's, so that it answers the server's refusals there in its own shape. */
    boolean owns(String path);

    /**
     * Answers a request to one of its paths that the server refused before any handler ran: no
     * endpoint took it (404, 405), or the server would not read it (413 for a body over the limit).
     */
    void refuse(Context ctx, int status, String message);
}
