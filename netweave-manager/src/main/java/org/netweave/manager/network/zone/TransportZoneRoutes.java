package org.netweave.manager.network.zone;

import io.javalin.http.Context;
import org.netweave.manager.api.ApiRegistry;
import org.netweave.manager.api.ApiRoutes;
import org.netweave.manager.api.RequestBodies;
import org.netweave.manager.network.Fields;
import org.netweave.manager.network.NetworkDeletion;
import org.netweave.model.TransportZoneId;

/** {@code /transport-zones}: the clusters logical switches and DLRs reach. */
public final class TransportZoneRoutes implements ApiRoutes {
    private final TransportZoneService service;
    private final TransportZoneAdminService admin;

    public TransportZoneRoutes(TransportZoneService service, TransportZoneAdminService admin) {
        this.service = service;
        this.admin = admin;
    }

    @Override
    public void register(ApiRegistry api) {
        api.post("/transport-zones", "Create a transport zone", TransportZoneRequest.class, TransportZone.class, 201,
                        ctx -> ctx.json(admin.create(RequestBodies.decode(ctx, TransportZoneRequest.class))))
                .list("/transport-zones", "List the transport zones", TransportZone.class, ctx -> ctx.json(service.list()))
                .get("/transport-zones/{id}", "Get a transport zone", TransportZone.class,
                        ctx -> ctx.json(service.get(id(ctx))))
                .post("/transport-zones/{id}/expand", "Add clusters to a transport zone",
                        TransportZoneClusterChange.class, TransportZone.class, 200,
                        ctx -> ctx.json(admin.expand(id(ctx), RequestBodies.decode(ctx, TransportZoneClusterChange.class))))
                .post("/transport-zones/{id}/shrink", "Take clusters out of a transport zone; refused while a VM there"
                                + " is attached to one of its logical switches or a control VM of its DLRs runs there",
                        TransportZoneClusterChange.class, TransportZone.class, 200,
                        ctx -> ctx.json(admin.shrink(id(ctx), RequestBodies.decode(ctx, TransportZoneClusterChange.class))))
                .delete("/transport-zones/{id}", "Delete a transport zone without logical switches",
                        NetworkDeletion.class, ctx -> ctx.json(admin.delete(id(ctx))));
    }

    private static TransportZoneId id(Context ctx) {
        return Fields.id("id", ctx.pathParam("id"), TransportZoneId::of);
    }
}
