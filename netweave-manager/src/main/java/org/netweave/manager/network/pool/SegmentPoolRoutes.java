package org.netweave.manager.network.pool;

import io.javalin.http.Context;
import org.netweave.manager.api.ApiRegistry;
import org.netweave.manager.api.ApiRoutes;
import org.netweave.manager.api.RequestBodies;
import org.netweave.manager.network.Fields;
import org.netweave.manager.network.NetworkDeletion;
import org.netweave.model.SegmentPoolId;

/** {@code /segment-pools}: the VNI ranges of the manager. */
public final class SegmentPoolRoutes implements ApiRoutes {
    private final SegmentPoolService service;
    private final SegmentPoolAdminService admin;

    public SegmentPoolRoutes(SegmentPoolService service, SegmentPoolAdminService admin) {
        this.service = service;
        this.admin = admin;
    }

    @Override
    public void register(ApiRegistry api) {
        api.post("/segment-pools", "Create a segment pool", SegmentPoolRequest.class, SegmentPool.class, 201,
                        ctx -> ctx.json(admin.create(RequestBodies.decode(ctx, SegmentPoolRequest.class))))
                .list("/segment-pools", "List the segment pools, lowest range first", SegmentPool.class,
                        ctx -> ctx.json(service.list()))
                .get("/segment-pools/{id}", "Get a segment pool", SegmentPool.class,
                        ctx -> ctx.json(service.get(id(ctx))))
                .delete("/segment-pools/{id}", "Delete a segment pool no logical switch draws from",
                        NetworkDeletion.class, ctx -> ctx.json(admin.delete(id(ctx))));
    }

    private static SegmentPoolId id(Context ctx) {
        return Fields.id("id", ctx.pathParam("id"), SegmentPoolId::of);
    }
}
