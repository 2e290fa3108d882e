package org.netweave.manager.views;

import io.grpc.StatusRuntimeException;
import org.netweave.controller.client.ControllerChannels;
import org.netweave.manager.api.ApiException;
import org.netweave.manager.controllers.ControllerService;
import org.netweave.manager.controllers.ControllerView;
import org.netweave.manager.network.lswitch.LogicalSwitchStore;
import org.netweave.manager.network.router.DlrService;
import org.netweave.manager.store.Store;
import org.netweave.model.ControllerId;
import org.netweave.model.DlrId;
import org.netweave.model.Vni;
import org.netweave.proto.controller.v1.DlrTablesView;
import org.netweave.proto.controller.v1.VniTablesView;

/**
 * The controller side of the operator views: which node owns a VNI, what one node holds for it,
 * and a DLR's routes at its master. The manager checks the object exists in its own
 * configuration first (404 otherwise), then asks the controllers.
 */
public final class ControllerTableViews {
    private final Store store;
    private final ControllerService controllers;
    private final DlrService dlrs;
    private final ControllerTableReader reader;

    public ControllerTableViews(Store store, ControllerService controllers, DlrService dlrs, ControllerChannels channels) {
        this.store = store;
        this.controllers = controllers;
        this.dlrs = dlrs;
        this.reader = new ControllerTableReader(channels);
    }

    /** {@code show control-cluster logical-switches vni <vni>}: answered by the VNI's master. */
    public VniControllerSummary summary(Vni vni) {
        requireSwitch(vni);
        VniTablesView view = reader.fromOwner(controllers.hostAddresses(), address -> reader.vni(address, vni),
                VniTablesView::getOwnership).orElseThrow(() -> noOwner("VNI " + vni));
        return ControllerViewTranslation.summary(vni, view);
    }

    /**
     * {@code show logical-switch controller <id> vni <vni> …}: what that node holds, owner or not.
     * A node that does not own the VNI answers 200 with empty tables and a note naming the owner,
     * as NSX's controller prints an empty table on a node that is not the VNI's master.
     */
    public ControllerVniTables tables(ControllerId id, Vni vni) {
        ControllerView controller = controllers.get(id);
        requireSwitch(vni);
        if (controller.address() == null) {
            throw ApiException.unavailable(id + " is " + controller.status() + " and has no address yet");
        }
        try {
            return ControllerViewTranslation.tables(vni, reader.vni(controller.address(), vni));
        } catch (StatusRuntimeException e) {
            throw ApiException.unavailable(id + " did not answer: " + e.getStatus().getCode());
        }
    }

    /** {@code show logical-router controller master dlr <dlr> route}. */
    public DlrControllerRoutes routes(DlrId dlr) {
        dlrs.config(dlr);
        DlrTablesView view = reader.fromOwner(controllers.hostAddresses(), address -> reader.dlr(address, dlr),
                DlrTablesView::getOwnership).orElseThrow(() -> noOwner("DLR " + dlr));
        return ControllerViewTranslation.routes(dlr, view);
    }

    private void requireSwitch(Vni vni) {
        store.read(handle -> LogicalSwitchStore.byVni(handle, vni))
                .orElseThrow(() -> ApiException.notFound("vni", "logical switch with VNI", vni));
    }

    private static ApiException noOwner(String object) {
        return ApiException.unavailable("no controller that answered owns " + object + " now: the cluster is moving "
                + "its slice or has no majority; try again");
    }
}
