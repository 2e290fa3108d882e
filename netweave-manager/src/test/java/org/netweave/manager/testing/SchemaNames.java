package org.netweave.manager.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.netweave.manager.api.ApiRoute;

/**
 * OpenAPI names a schema by its class's simple name, so two request or response classes with one
 * simple name would silently share (and corrupt) one schema. This walks every body type of the
 * routes, and the records and enums inside them, and fails on a clash.
 */
public final class SchemaNames {
    private SchemaNames() {
    }

    public static void assertUnique(List<ApiRoute> routes) {
        Map<String, Class<?>> byName = new HashMap<>();
        Deque<Class<?>> todo = new ArrayDeque<>();
        for (ApiRoute route : routes) {
            if (route.request() != null) {
                todo.add(route.request());
            }
            if (route.response() != null) {
                todo.add(route.response());
            }
        }
        while (!todo.isEmpty()) {
            Class<?> type = todo.pop();
            Class<?> before = byName.putIfAbsent(type.getSimpleName(), type);
            assertThat(before == null || before == type).as(type.getSimpleName() + " names " + before + " and " + type).isTrue();
            if (before == null && type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    todo.addAll(records(component.getGenericType()));
                }
            }
        }
    }

    private static List<Class<?>> records(Type type) {
        if (type instanceof Class<?> c) {
            return c.isRecord() || c.isEnum() ? List.of(c) : List.of();
        }
        if (type instanceof ParameterizedType p) {
            return Arrays.stream(p.getActualTypeArguments()).flatMap(t -> records(t).stream()).toList();
        }
        return List.of();
    }
}
