package org.netweave.manager;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.netweave.manager.api.ApiRoutes;
import org.netweave.manager.hosttables.HostTablesSource;

/**
 * What the process that hosts a manager adds to it: how to read hosts' tables, and API routes
 * that only make sense there (the all-in-one mode's guest actions such as ping).
 *
 * @param hostTables  where host views read a host's datapath tables
 * @param extraRoutes built once the manager's services are up, served beside the manager's own
 */
public record ManagerExtensions(HostTablesSource hostTables, Function<Manager, List<ApiRoutes>> extraRoutes) {
    public static final ManagerExtensions NONE = new ManagerExtensions(HostTablesSource.NONE, manager -> List.of());

    public ManagerExtensions {
        Objects.requireNonNull(hostTables, "hostTables");
        Objects.requireNonNull(extraRoutes, "extraRoutes");
    }
}
