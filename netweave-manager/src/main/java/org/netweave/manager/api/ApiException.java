package org.netweave.manager.api;

import org.netweave.model.InvalidValueException;

/**
 * A request the manager will not carry out, with the HTTP status and the body that says why.
 * Services throw it before they change anything.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final ApiError body;

    public ApiException(int status, String error, String field, String message) {
        super(message);
        this.status = status;
        this.body = new ApiError(error, field, message);
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(400, "invalid_value", field, message);
    }

    public static ApiException missing(String field) {
        return new ApiException(400, "missing_field", field, field + " is required");
    }

    public static ApiException notFound(String field, String kind, Object id) {
        return new ApiException(404, "not_found", field, "no " + kind + " " + id);
    }

    public static ApiException conflict(String field, String message) {
        return new ApiException(409, "conflict", field, message);
    }

    /** The object is referenced by others and cannot be deleted or changed that way. */
    public static ApiException inUse(String field, String message) {
        return new ApiException(409, "in_use", field, message);
    }

    public static ApiException unavailable(String message) {
        return new ApiException(503, "unavailable", null, message);
    }

    /** A value the model refused, with {@code fieldPrefix} (e.g. {@code interfaces[1].}) before its field. */
    public static ApiException of(InvalidValueException e, String fieldPrefix) {
        return new ApiException(400, "invalid_value", fieldPrefix + e.field(), e.getMessage());
    }

    public int status() {
        return status;
    }

    public ApiError body() {
        return body;
    }
}
