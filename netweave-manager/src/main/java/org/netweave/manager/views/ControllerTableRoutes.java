package org.netweave.manager.views;

import io.javalin.http.Context;
import org.netweave.manager.api.ApiRegistry;
import org.netweave.manager.api.ApiRoutes;
import org.netweave.manager.network.Fields;
import org.netweave.model.ControllerId;
import org.netweave.model.DlrId;
import org.netweave.model.Vni;

/** The controllers' runtime tables, as NSX's central CLI relays {@code show … controller …}. */
public final class ControllerTableRoutes implements ApiRoutes {
    private final ControllerTableViews views;

    public ControllerTableRoutes(ControllerTableViews views) {
        this.views = views;
    }

    @Override
    public void register(ApiRegistry api) {
        api.get("/logical-switches/vni/{vni}/controller",
                        "Which controller owns a VNI, with its counts (show control-cluster logical-switches vni)",
                        VniControllerSummary.class, ctx -> ctx.json(views.summary(vni(ctx))))
                .get("/controllers/{id}/logical-switches/{vni}",
                        "The VTEP, MAC, ARP and connection tables one controller holds for a VNI; empty with a note "
                                + "on a controller that is not the VNI's master",
                        ControllerVniTables.class, ctx -> ctx.json(views.tables(
                                Fields.id("id", ctx.pathParam("id"), ControllerId::of), vni(ctx))))
                .get("/dlrs/{id}/controller-routes",
                        "A DLR's routing table as its master controller holds it (show logical-router controller "
                                + "master dlr <id> route)",
                        DlrControllerRoutes.class,
                        ctx -> ctx.json(views.routes(Fields.id("id", ctx.pathParam("id"), DlrId::of))));
    }

    static Vni vni(Context ctx) {
        return Fields.vni("vni", Fields.index("vni", ctx.pathParam("vni"), Vni.MIN, Vni.MAX));
    }
}
