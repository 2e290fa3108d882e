package org.netweave.manager.network.lswitch;

import io.javalin.http.Context;
import org.netweave.manager.api.ApiRegistry;
import org.netweave.manager.api.ApiRoutes;
import org.netweave.manager.api.RequestBodies;
import org.netweave.manager.network.Fields;
import org.netweave.manager.network.NetworkDeletion;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.TransportZoneId;

/** {@code /logical-switches}: VXLAN segments. */
public final class LogicalSwitchRoutes implements ApiRoutes {
    private final LogicalSwitchService service;
    private final LogicalSwitchAdminService admin;

    public LogicalSwitchRoutes(LogicalSwitchService service, LogicalSwitchAdminService admin) {
        this.service = service;
        this.admin = admin;
    }

    @Override
    public void register(ApiRegistry api) {
        api.post("/logical-switches", "Create a logical switch", LogicalSwitchRequest.class, LogicalSwitch.class, 201,
                        ctx -> ctx.json(admin.create(RequestBodies.decode(ctx, LogicalSwitchRequest.class))))
                .list("/logical-switches", "List the logical switches; ?transportZoneId= keeps one zone's",
                        LogicalSwitch.class, ctx -> ctx.json(service.list(zone(ctx))))
                .get("/logical-switches/{id}", "Get a logical switch with its realised state", LogicalSwitch.class,
                        ctx -> ctx.json(service.get(id(ctx))))
                .delete("/logical-switches/{id}", "Delete a logical switch no vNIC, LIF or bridge uses",
                        NetworkDeletion.class, ctx -> ctx.json(admin.delete(id(ctx))));
    }

    private static LogicalSwitchId id(Context ctx) {
        return Fields.id("id", ctx.pathParam("id"), LogicalSwitchId::of);
    }

    private static TransportZoneId zone(Context ctx) {
        String zone = ctx.queryParam("transportZoneId");
        return zone == null ? null : Fields.id("transportZoneId", zone, TransportZoneId::of);
    }
}
