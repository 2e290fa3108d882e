package org.netweave.manager.api;

/** One resource family of the API (logical switches, hosts, jobs, …): declares its routes. */
@FunctionalInterface
public interface ApiRoutes {
    void register(ApiRegistry api);
}
