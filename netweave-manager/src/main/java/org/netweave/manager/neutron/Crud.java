package org.netweave.manager.neutron;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/** A collection's five operations, so that one function declares the endpoints of all four collections. */
record Crud<I>(Function<NeutronQuery, List<Map<String, Object>>> list,
               BiFunction<I, NeutronQuery, Map<String, Object>> get,
               Function<String, Map<String, Object>> create,
               BiFunction<I, String, Map<String, Object>> update,
               Consumer<I> delete) {
}
