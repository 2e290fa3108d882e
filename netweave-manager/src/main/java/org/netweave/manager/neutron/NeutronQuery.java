package org.netweave.manager.neutron;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A list request's query: attribute filters ({@code ?name=a&name=b} keeps resources named a or b;
 * different attributes must all match) and {@code fields=} (only those attributes in the answer).
 * Sorting and paging parameters are accepted and ignored: the {@code sorting} and
 * {@code pagination} extensions are not advertised, so clients do not rely on them. Pure.
 *
 * @param filters attribute → the values any of which it may have
 * @param fields  the attributes to answer with; empty for all
 */
record NeutronQuery(Map<String, List<String>> filters, List<String> fields) {
    private static final Set<String> IGNORED = Set.of("sort_key", "sort_dir", "limit", "marker", "page_reverse");

    NeutronQuery {
        filters = Map.copyOf(filters);
        fields = List.copyOf(fields);
    }

    /** From the query parameters; a filter on an attribute the resource does not have is a 400. */
    static NeutronQuery of(Map<String, List<String>> parameters, Set<String> attributes) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        parameters.forEach((key, values) -> {
            if (key.equals("fields") || IGNORED.contains(key)) {
                return;
            }
            if (!attributes.contains(key)) {
                throw new NeutronException(400, "HTTPBadRequest", "[" + key + "] is invalid attribute for filtering");
            }
            filters.put(key, values);
        });
        return new NeutronQuery(filters, parameters.getOrDefault("fields", List.of()));
    }

    /** The query for one resource ({@code GET /networks/{id}?fields=name}): fields only. */
    static NeutronQuery fieldsOnly(Map<String, List<String>> parameters) {
        return new NeutronQuery(Map.of(), parameters.getOrDefault("fields", List.of()));
    }

    List<Map<String, Object>> apply(List<Map<String, Object>> resources) {
        return resources.stream().filter(this::matches).map(this::project).toList();
    }

    boolean matches(Map<String, Object> resource) {
        return filters.entrySet().stream().allMatch(filter ->
                filter.getValue().stream().anyMatch(wanted -> matches(resource.get(filter.getKey()), wanted)));
    }

    Map<String, Object> project(Map<String, Object> resource) {
        if (fields.isEmpty()) {
            return resource;
        }
        Map<String, Object> projected = new LinkedHashMap<>();
        fields.stream().filter(resource::containsKey).forEach(field -> projected.put(field, resource.get(field)));
        return projected;
    }

    /**
     * One attribute value against one wanted text: booleans in any case, numbers as text, a list
     * when any element matches, a dictionary ({@code fixed_ips}) by {@code key=value}.
     */
    private static boolean matches(Object value, String wanted) {
        return switch (value) {
            case null -> wanted.isEmpty();
            case Boolean bool -> wanted.equalsIgnoreCase(bool.toString());
            case List<?> list -> list.stream().anyMatch(item -> matches(item, wanted));
            case Map<?, ?> map -> {
                int equals = wanted.indexOf('=');
                yield equals > 0 && String.valueOf(map.get(wanted.substring(0, equals))).equals(wanted.substring(equals + 1));
            }
            default -> value.toString().equals(wanted);
        };
    }
}
