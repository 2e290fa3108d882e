package org.netweave.manager.neutron;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import org.netweave.manager.api.ForeignApi;
import org.netweave.manager.network.lswitch.LogicalSwitchAdminService;
import org.netweave.manager.store.Store;
import org.netweave.model.TransportZoneId;

/**
 * The Neutron v2.0 API (networks, subnets, ports, routers with add/remove_router_interface and
 * extra routes) on the same model as {@code /api/v1}: a network is a logical switch, a router a
 * DLR. Served at {@code /} and {@code /v2.0} beside the manager's own API, as OpenStack clients
 * expect with {@code --os-auth-type admin_token --os-endpoint http://manager:port} (a Netweave
 * token in {@code OS_TOKEN}, which they send as {@code X-Auth-Token}). It is Neutron's API
 * (neutron-lib's api-ref is its description), so it is not in the manager's OpenAPI document.
 */
public final class NeutronApi implements ForeignApi {
    private static final String V2 = "/v2.0";

    private final NetworkService networks;
    private final SubnetService subnets;
    private final PortService ports;
    private final RouterService routers;
    private final RouterInterfaceService interfaces;

    /** @param zone the transport zone for networks' logical switches; empty: the only zone there is */
    public NeutronApi(Store store, LogicalSwitchAdminService switches, Optional<TransportZoneId> zone) {
        this.networks = new NetworkService(store, switches, zone);
        this.subnets = new SubnetService(store);
        this.ports = new PortService(store);
        this.routers = new RouterService(store);
        this.interfaces = new RouterInterfaceService(store);
    }

    @Override
    public List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.add(get("/", ctx -> NeutronDocuments.versions(root(ctx))));
        endpoints.add(get(V2, ctx -> NeutronDocuments.resources(root(ctx))));
        endpoints.add(get(V2 + "/extensions", ctx -> NeutronDocuments.extensions()));
        endpoints.add(get(V2 + "/extensions/{alias}", ctx -> NeutronDocuments.extension(ctx.pathParam("alias"))
                .orElseThrow(() -> new NeutronException(404, "ExtensionNotFound", "Extension with alias "
                        + ctx.pathParam("alias") + " does not exist"))));
        collection(endpoints, "networks", "network", NeutronViews.NETWORK_ATTRIBUTES, NeutronNetworkId::new,
                new Crud<>(networks::list, networks::get, networks::create, networks::update, networks::delete));
        collection(endpoints, "subnets", "subnet", NeutronViews.SUBNET_ATTRIBUTES, NeutronSubnetId::new,
                new Crud<>(subnets::list, subnets::get, subnets::create, subnets::update, subnets::delete));
        collection(endpoints, "ports", "port", NeutronViews.PORT_ATTRIBUTES, NeutronPortId::new,
                new Crud<>(ports::list, ports::get, ports::create, ports::update, ports::delete));
        collection(endpoints, "routers", "router", NeutronViews.ROUTER_ATTRIBUTES, NeutronRouterId::new,
                new Crud<>(routers::list, routers::get, routers::create, routers::update, routers::delete));
        endpoints.add(new Endpoint(HandlerType.PUT, V2 + "/routers/{id}/add_router_interface", new NeutronHandler(200,
                ctx -> interfaces.add(new NeutronRouterId(ctx.pathParam("id")), ctx.body()))));
        endpoints.add(new Endpoint(HandlerType.PUT, V2 + "/routers/{id}/remove_router_interface", new NeutronHandler(200,
                ctx -> interfaces.remove(new NeutronRouterId(ctx.pathParam("id")), ctx.body()))));
        return endpoints;
    }

    @Override
    public boolean owns(String path) {
        return path.equals("/") || path.equals(V2) || path.startsWith(V2 + "/");
    }

    @Override
    public void refuse(Context ctx, int status, String message) {
        NeutronHandler.answer(ctx, NeutronHandler.refusal(status, message));
    }

    /** The five operations of a collection, {@code {"networks": [...]}} and {@code {"network": {...}}}. */
    private <I> void collection(List<Endpoint> endpoints, String plural, String singular, Set<String> attributes,
                                       Function<String, I> id, Crud<I> crud) {
        String base = V2 + "/" + plural;
        endpoints.add(get(base, ctx -> Map.of(plural,
                crud.list().apply(NeutronQuery.of(ctx.queryParamMap(), attributes)))));
        endpoints.add(get(base + "/{id}", ctx -> Map.of(singular,
                crud.get().apply(id.apply(ctx.pathParam("id")), NeutronQuery.fieldsOnly(ctx.queryParamMap())))));
        endpoints.add(new Endpoint(HandlerType.POST, base, new NeutronHandler(201,
                ctx -> Map.of(singular, crud.create().apply(ctx.body())))));
        endpoints.add(new Endpoint(HandlerType.PUT, base + "/{id}", new NeutronHandler(200,
                ctx -> Map.of(singular, crud.update().apply(id.apply(ctx.pathParam("id")), ctx.body())))));
        endpoints.add(new Endpoint(HandlerType.DELETE, base + "/{id}", new NeutronHandler(204, ctx -> {
            crud.delete().accept(id.apply(ctx.pathParam("id")));
            return null;
        })));
    }

    private static Endpoint get(String path, NeutronHandler.Operation operation) {
        return new Endpoint(HandlerType.GET, path, new NeutronHandler(200, operation));
    }

    /** The address the client used to reach this server (its Host header, else the socket's), for absolute links. */
    private static String root(Context ctx) {
        String host = ctx.host();
        if (host == null || host.isBlank()) {
            host = ctx.req().getLocalAddr() + ":" + ctx.port();
        }
        return ctx.scheme() + "://" + host;
    }
}
