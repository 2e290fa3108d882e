package org.netweave.manager.api;

import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import org.netweave.model.InvalidValueException;

/** Request bodies into records, with every decoding failure turned into a 400 that names the field. */
public final class RequestBodies {
    private RequestBodies() {
    }

    public static <T> T decode(Context ctx, Class<T> type) {
        return decode(ctx.body(), type);
    }

    public static <T> T decode(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new ApiException(400, "malformed_json", null, "the request needs a JSON body");
        }
        try {
            T value = Json.mapper().readValue(body, type);
            if (value == null) {
                throw new ApiException(400, "malformed_json", null, "the request body is JSON null");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            String field = path(e);
            throw new ApiException(400, "unknown_field", field, "unknown field '" + field + "'; known fields: "
                    + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")));
        } catch (InvalidNullException e) {
            throw new ApiException(400, "missing_field", path(e), path(e) + " must not be null");
        } catch (JsonMappingException e) {
            // A model constructor (a record's compact constructor) refused a value.
            if (e.getCause() instanceof InvalidValueException invalid) {
                throw new ApiException(400, "invalid_value", fieldOf(e, invalid), invalid.getMessage());
            }
            if (e.getCause() instanceof ApiException api) {
                throw api;
            }
            if (e instanceof MismatchedInputException mismatched && !e.getPath().isEmpty()) {
                String field = path(e);
                String expected = mismatched.getTargetType() == null ? "another type"
                        : mismatched.getTargetType().getSimpleName();
                throw new ApiException(400, "invalid_value", field, field + " has the wrong type; expected " + expected);
            }
            // Jackson's own words name Java classes; say what the client can act on.
            throw new ApiException(400, "malformed_json", e.getPath().isEmpty() ? null : path(e),
                    e.getPath().isEmpty() ? "the body must be a JSON object with the fields of this request"
                            : path(e) + " has the wrong shape");
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "malformed_json", null, "the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** {@code interfaces[1].address} from Jackson's reference chain. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /**
     * A record's constructor refused one of its values: Jackson's path ends at the record (or, for
     * some creators, at the property), and the model names the field inside it.
     */
    private static String fieldOf(JsonMappingException e, InvalidValueException invalid) {
        String path = path(e);
        if (path.isEmpty()) {
            return invalid.field();
        }
        if (path.equals(invalid.field()) || path.endsWith("." + invalid.field())) {
            return path;
        }
        return path + "." + invalid.field();
    }
}
