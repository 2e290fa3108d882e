package org.netweave.manager.neutron;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.netweave.manager.api.Json;

/**
 * The attributes of a request body, {@code {"network": {...}}} or an action's bare object, with
 * Neutron's checks: an attribute the resource does not have is a 400 naming it, a value of the
 * wrong type is a 400 naming the attribute. Pure.
 */
final class NeutronBody {
    private final ObjectNode attributes;

    private NeutronBody(ObjectNode attributes) {
        this.attributes = attributes;
    }

    /** The object under {@code resource}; only {@code allowed} attributes may appear in it. */
    static NeutronBody wrapped(String json, String resource, Set<String> allowed) {
        JsonNode root = parse(json);
        JsonNode inner = root.get(resource);
        if (root.size() != 1 || inner == null || !inner.isObject()) {
            throw new NeutronException(400, "HTTPBadRequest", "Resource body required: a JSON object"
                    + " {\"" + resource + "\": {...}} (bulk creation is not supported)");
        }
        return checked((ObjectNode) inner, allowed);
    }

    /** A bare object, as actions such as add_router_interface take. */
    static NeutronBody bare(String json, Set<String> allowed) {
        JsonNode root = parse(json);
        if (!root.isObject()) {
            throw new NeutronException(400, "HTTPBadRequest", "The request body must be a JSON object");
        }
        return checked((ObjectNode) root, allowed);
    }

    private static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            throw new NeutronException(400, "HTTPBadRequest", "Resource body required");
        }
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new NeutronException(400, "HTTPBadRequest", "Malformed JSON in request body: " + e.getOriginalMessage());
        }
    }

    private static NeutronBody checked(ObjectNode attributes, Set<String> allowed) {
        Set<String> unknown = new TreeSet<>();
        for (Iterator<String> names = attributes.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new NeutronException(400, "HTTPBadRequest", "Unrecognized attribute(s) '" + String.join(", ", unknown)
                    + "'");
        }
        return new NeutronBody(attributes);
    }

    boolean has(String attribute) {
        return attributes.has(attribute);
    }

    /** Present and not JSON null. */
    boolean hasValue(String attribute) {
        JsonNode value = attributes.get(attribute);
        return value != null && !value.isNull();
    }

    /** Text, absent, or JSON null (both empty). */
    Optional<String> text(String attribute) {
        JsonNode value = attributes.get(attribute);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw NeutronException.invalid(attribute, "'" + value + "' is not a valid string");
        }
        return Optional.of(value.textValue());
    }

    /** Text of at most {@code max} characters, {@code fallback} when absent. */
    String text(String attribute, String fallback, int max) {
        String value = text(attribute).orElse(fallback);
        if (value.length() > max) {
            throw NeutronException.invalid(attribute, "'" + value + "' exceeds maximum length of " + max);
        }
        return value;
    }

    /** A boolean as Neutron converts it: true/false, or the texts "true"/"false" in any case. */
    Optional<Boolean> bool(String attribute) {
        JsonNode value = attributes.get(attribute);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isBoolean()) {
            return Optional.of(value.booleanValue());
        }
        if (value.isTextual() && (value.textValue().equalsIgnoreCase("true") || value.textValue().equalsIgnoreCase("false"))) {
            return Optional.of(Boolean.parseBoolean(value.textValue()));
        }
        throw NeutronException.invalid(attribute, "'" + value + "' cannot be converted to boolean");
    }

    Optional<Integer> integer(String attribute) {
        JsonNode value = attributes.get(attribute);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.canConvertToInt() && value.isIntegralNumber()) {
            return Optional.of(value.intValue());
        }
        if (value.isTextual() && value.textValue().matches("-?\\d{1,9}")) {
            return Optional.of(Integer.parseInt(value.textValue()));
        }
        throw NeutronException.invalid(attribute, "'" + value + "' is not an integer");
    }

    /** A list of objects ({@code fixed_ips}, {@code routes}, {@code allocation_pools}); empty when absent. */
    Optional<List<NeutronBody>> objects(String attribute) {
        JsonNode value = attributes.get(attribute);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            throw NeutronException.invalid(attribute, "'" + value + "' is not a list");
        }
        List<NeutronBody> items = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isObject()) {
                throw NeutronException.invalid(attribute, "'" + item + "' is not a dictionary");
            }
            items.add(new NeutronBody((ObjectNode) item));
        }
        return Optional.of(items);
    }

    /** Every attribute name given, for checks such as "not both". */
    Set<String> names() {
        Set<String> names = new TreeSet<>();
        attributes.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
