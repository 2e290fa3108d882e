package org.netweave.manager.views;

import org.netweave.manager.api.ApiRegistry;
import org.netweave.manager.api.ApiRoutes;
import org.netweave.manager.network.Fields;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;

/** The hosts' datapath tables, as NSX's central CLI relays {@code show logical-switch|logical-router host …}. */
public final class HostTableRoutes implements ApiRoutes {
    private final HostTableViews views;

    public HostTableRoutes(HostTableViews views) {
        this.views = views;
    }

    @Override
    public void register(ApiRegistry api) {
        api.get("/hosts/{id}/logical-switches/{vni}",
                        "The MAC, ARP and VTEP tables a host's datapath holds for a VNI (503 when hosts cannot be asked)",
                        HostVniTables.class, ctx -> ctx.json(views.vni(host(ctx.pathParam("id")),
                                ControllerTableRoutes.vni(ctx))))
                .get("/hosts/{id}/dlrs/{dlrId}",
                        "The LIFs, routes and neighbours a host's instance of a DLR holds (503 when hosts cannot be asked)",
                        HostDlrTables.class, ctx -> ctx.json(views.dlr(host(ctx.pathParam("id")),
                                Fields.id("dlrId", ctx.pathParam("dlrId"), DlrId::of))));
    }

    private static HostId host(String id) {
        return Fields.id("id", id, HostId::of);
    }
}
