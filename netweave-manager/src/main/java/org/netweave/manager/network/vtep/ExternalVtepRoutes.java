package org.netweave.manager.network.vtep;

import io.javalin.http.Context;
import org.netweave.manager.api.ApiRegistry;
import org.netweave.manager.api.ApiRoutes;
import org.netweave.manager.api.RequestBodies;
import org.netweave.manager.network.Fields;
import org.netweave.manager.network.NetworkDeletion;
import org.netweave.model.LogicalSwitchId;

/** {@code /logical-switches/{id}/external-vteps}: VTEPs outside the manager's hosts. */
public final class ExternalVtepRoutes implements ApiRoutes {
    private static final String PATH = "/logical-switches/{id}/external-vteps";

    private final ExternalVtepService service;
    private final ExternalVtepAdminService admin;

    public ExternalVtepRoutes(ExternalVtepService service, ExternalVtepAdminService admin) {
        this.service = service;
        this.admin = admin;
    }

    @Override
    public void register(ApiRegistry api) {
        api.list(PATH, "List the external VTEPs of a logical switch", ExternalVtep.class,
                        ctx -> ctx.json(service.list(id(ctx))))
                .get(PATH + "/{vtepIp}", "Get an external VTEP of a logical switch", ExternalVtep.class,
                        ctx -> ctx.json(service.get(id(ctx), ExternalVtepRules.vtepIp(ctx.pathParam("vtepIp")))))
                .put(PATH + "/{vtepIp}", "Create an external VTEP on a logical switch or replace its MACs",
                        ExternalVtepRequest.class, ExternalVtep.class,
                        ctx -> ctx.json(admin.put(id(ctx), ctx.pathParam("vtepIp"),
                                RequestBodies.decode(ctx, ExternalVtepRequest.class))))
                .delete(PATH + "/{vtepIp}", "Remove an external VTEP and its MACs from a logical switch",
                        NetworkDeletion.class, ctx -> ctx.json(admin.delete(id(ctx), ctx.pathParam("vtepIp"))));
    }

    private static LogicalSwitchId id(Context ctx) {
        return Fields.id("id", ctx.pathParam("id"), LogicalSwitchId::of);
    }
}
