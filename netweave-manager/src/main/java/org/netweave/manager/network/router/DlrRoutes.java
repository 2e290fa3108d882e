package org.netweave.manager.network.router;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.netweave.manager.api.ApiRegistry;
import org.netweave.manager.api.ApiRoute;
import org.netweave.manager.api.ApiRoutes;
import org.netweave.manager.api.RequestBodies;
import org.netweave.manager.network.Fields;
import org.netweave.manager.network.NetworkDeletion;
import org.netweave.model.DlrId;

/** {@code /dlrs}: distributed logical routers, their interfaces, static routing and bridges. */
public final class DlrRoutes implements ApiRoutes {
    private final DlrService service;
    private final DlrAdminService admin;
    private final DlrInterfaceAdminService interfaces;
    private final DlrRoutingAdminService routing;
    private final DlrBridgeAdminService bridges;

    public DlrRoutes(DlrService service, DlrAdminService admin, DlrInterfaceAdminService interfaces,
                     DlrRoutingAdminService routing, DlrBridgeAdminService bridges) {
        this.service = service;
        this.admin = admin;
        this.interfaces = interfaces;
        this.routing = routing;
        this.bridges = bridges;
    }

    @Override
    public void register(ApiRegistry api) {
        api.post("/dlrs", "Create a DLR and start its deployment job", DlrRequest.class, DlrJobAccepted.class, 202,
                        ctx -> ctx.json(admin.create(RequestBodies.decode(ctx, DlrRequest.class))))
                .list("/dlrs", "List the DLRs", DlrSummary.class, ctx -> ctx.json(service.list()))
                .get("/dlrs/{id}", "Get a DLR with its interfaces, routes, bridges and realised state", Dlr.class,
                        ctx -> ctx.json(service.get(id(ctx))))
                .add(new ApiRoute(HandlerType.DELETE, "/dlrs/{id}", "Start the job that removes a DLR", null,
                        DlrJobAccepted.class, false, 202, ctx -> ctx.json(admin.undeploy(id(ctx)))))
                .post("/dlrs/{id}/interfaces", "Add an interface to a deployed DLR", DlrInterfaceRequest.class,
                        DlrInterface.class, 201,
                        ctx -> ctx.json(interfaces.add(id(ctx), RequestBodies.decode(ctx, DlrInterfaceRequest.class))))
                .delete("/dlrs/{id}/interfaces/{index}", "Remove an interface no route needs", NetworkDeletion.class,
                        ctx -> ctx.json(interfaces.remove(id(ctx), Fields.index("index", ctx.pathParam("index"), 1, 999))))
                .get("/dlrs/{id}/routing/static", "Get a DLR's static routing", DlrStaticRouting.class,
                        ctx -> ctx.json(service.staticRouting(id(ctx))))
                .put("/dlrs/{id}/routing/static", "Replace a deployed DLR's static routes and default route",
                        DlrStaticRoutingRequest.class, DlrStaticRouting.class,
                        ctx -> ctx.json(routing.replace(id(ctx), RequestBodies.decode(ctx, DlrStaticRoutingRequest.class))))
                .put("/dlrs/{id}/bridges/{name}", "Create or replace an L2 bridge of a deployed DLR", DlrBridgeRequest.class,
                        DlrBridge.class, ctx -> ctx.json(bridges.put(id(ctx), ctx.pathParam("name"),
                                RequestBodies.decode(ctx, DlrBridgeRequest.class))))
                .delete("/dlrs/{id}/bridges/{name}", "Remove an L2 bridge", NetworkDeletion.class,
                        ctx -> ctx.json(bridges.delete(id(ctx), ctx.pathParam("name"))));
    }

    private static DlrId id(Context ctx) {
        return Fields.id("id", ctx.pathParam("id"), DlrId::of);
    }
}
