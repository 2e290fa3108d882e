package org.netweave.manager.neutron;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jdbi.v3.core.Handle;
import org.netweave.manager.api.ApiException;
import org.netweave.manager.network.router.DlrConfig;
import org.netweave.manager.network.router.DlrRules;
import org.netweave.manager.network.router.DlrState;
import org.netweave.manager.network.router.DlrStore;
import org.netweave.manager.network.router.RouteStore;
import org.netweave.manager.network.router.StaticRoute;
import org.netweave.manager.store.Store;
import org.netweave.model.DlrId;

/**
 * Neutron routers. A router IS a DLR, stored in state {@link DlrState#STORED}: Neutron's "creating
 * a distributed router only stores it" — no deployment job and no control VM (Neutron's DVR has
 * none; each compute node's L3 agent routes). Its interfaces are the DLR's LIFs
 * ({@link RouterInterfaceService}) and its {@code routes} the DLR's static routes.
 */
final class RouterService {
    private static final Set<String> CREATE = Set.of("name", "admin_state_up", "distributed", "external_gateway_info",
            "tenant_id", "project_id");
    private static final Set<String> UPDATE = Set.of("name", "admin_state_up", "distributed", "external_gateway_info",
            "routes");

    private final Store store;

    RouterService(Store store) {
        this.store = store;
    }

    List<Map<String, Object>> list(NeutronQuery query) {
        return store.read(handle -> {
            var routes = RouteStore.listAll(handle);
            return query.apply(RouterStore.list(handle).stream()
                    .map(router -> NeutronViews.router(router, routes.getOrDefault(router.dlr(), List.of()))).toList());
        });
    }

    Map<String, Object> get(NeutronRouterId id, NeutronQuery query) {
        return store.read(handle -> query.project(view(handle, find(handle, id))));
    }

    Map<String, Object> create(String json) {
        NeutronBody body = NeutronBody.wrapped(json, "router", CREATE);
        noGateway(body);
        String name = body.text("name", "", 255);
        boolean up = body.bool("admin_state_up").orElse(true);
        // Every router here is distributed unless the client says otherwise (neutron.conf router_distributed).
        boolean distributed = body.bool("distributed").orElse(true);
        String project = Projects.of(body);
        String tenant = dlrTenant(project);
        return store.write((handle, generation) -> {
            NeutronRouterId id = NeutronRouterId.fresh();
            DlrId dlr = DlrId.of(Store.nextId(handle, "edge", "-"));
            // Named after the router's id: Neutron names need not be unique, DLR names must.
            DlrStore.insert(handle, new DlrConfig(dlr, "neutron-" + id, tenant, false, null, null, DlrState.STORED,
                    false, false, null, List.of(), List.of(), null, List.of(), generation));
            RouterRow router = new RouterRow(id, dlr, name, project, up, distributed);
            RouterStore.insert(handle, router, generation);
            return view(handle, router);
        }).value();
    }

    Map<String, Object> update(NeutronRouterId id, String json) {
        NeutronBody body = NeutronBody.wrapped(json, "router", UPDATE);
        noGateway(body);
        return store.write((handle, generation) -> {
            RouterRow old = find(handle, id);
            boolean distributed = body.bool("distributed").orElse(old.distributed());
            if (distributed != old.distributed()) {
                changeDistributed(handle, old, distributed, generation);
            }
            RouterRow router = new RouterRow(id, old.dlr(), body.text("name", old.name(), 255), old.projectId(),
                    body.bool("admin_state_up").orElse(old.adminStateUp()), distributed);
            RouterStore.update(handle, router, generation);
            if (body.has("routes")) {
                DlrConfig dlr = dlr(handle, router);
                List<StaticRoute> routes = ExtraRoutes.parse(body.objects("routes").orElse(List.of()), dlr.lifs());
                RouteStore.replace(handle, dlr.id(), ExtraRoutes.withoutDefault(routes), ExtraRoutes.defaultRoute(routes),
                        generation);
                DlrStore.stamp(handle, dlr.id(), generation);
            }
            return view(handle, router);
        }).value();
    }

    /** Refused while the router has interfaces. */
    void delete(NeutronRouterId id) {
        store.write((handle, generation) -> {
            RouterRow router = find(handle, id);
            List<PortRow> interfaces = interfaces(handle, router);
            if (!interfaces.isEmpty()) {
                throw NeutronException.conflict("RouterInUse", "Router " + id + " still has ports: "
                        + interfaces.stream().map(port -> port.id().value()).toList());
            }
            RouterStore.delete(handle, router);
            return null;
        });
    }

    static RouterRow find(Handle handle, NeutronRouterId id) {
        return RouterStore.get(handle, id).orElseThrow(() -> NeutronException.notFound("Router", id.value()));
    }

    static DlrConfig dlr(Handle handle, RouterRow router) {
        return DlrStore.get(handle, router.dlr()).orElseThrow(() -> new IllegalStateException(
                "router " + router.id() + " has lost its DLR " + router.dlr()));
    }

    /** The router's interface ports. */
    static List<PortRow> interfaces(Handle handle, RouterRow router) {
        return PortStore.ofDevice(handle, router.id().value()).stream().filter(PortRow::isRouterInterface).toList();
    }

    /**
     * Neutron (router-admin-state-down-before-update) changes {@code distributed} only on a router
     * that is down; the interface ports' device_owner follows.
     */
    private static void changeDistributed(Handle handle, RouterRow router, boolean distributed, long generation) {
        if (router.adminStateUp()) {
            throw NeutronException.badRequest("router", "distributed changes only while admin_state_up is false; set"
                    + " it to false first");
        }
        for (PortRow port : interfaces(handle, router)) {
            PortStore.update(handle, new PortRow(port.id(), port.network(), port.name(), port.projectId(), port.mac(),
                    port.adminStateUp(), port.deviceId(), DeviceOwners.routerInterface(distributed), port.hostId(),
                    port.status(), port.fixedIps()), generation);
        }
    }

    /** The DLR's tenant prefixes its instance name on hosts, so a project id must be a valid tenant. */
    private static String dlrTenant(String project) {
        try {
            return DlrRules.tenant(project);
        } catch (ApiException e) {
            throw NeutronException.invalid("project_id", "'" + project + "' cannot name a distributed router's tenant:"
                    + " it must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    private static void noGateway(NeutronBody body) {
        if (body.hasValue("external_gateway_info")) {
            throw NeutronException.invalid("external_gateway_info", "external networks are not supported; a router"
                    + " here routes between its interfaces and along its routes");
        }
    }

    private static Map<String, Object> view(Handle handle, RouterRow router) {
        return NeutronViews.router(router, new ArrayList<>(RouteStore.list(handle, router.dlr())));
    }
}
