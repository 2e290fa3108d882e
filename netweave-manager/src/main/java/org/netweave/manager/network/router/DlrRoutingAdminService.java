package org.netweave.manager.network.router;

import java.util.List;

import org.netweave.manager.store.Store;
import org.netweave.model.DlrId;

/** Replaces a deployed DLR's static routing (desired state; the reconciler pushes it to the control VM). */
public final class DlrRoutingAdminService {
    private final Store store;

    public DlrRoutingAdminService(Store store) {
        this.store = store;
    }

    public DlrStaticRouting replace(DlrId id, DlrStaticRoutingRequest request) {
        return store.write((handle, generation) -> {
            List<StaticRoute> routes = RouteRules.parseAll(request.staticRoutes());
            StaticRoute defaultRoute = RouteRules.parseDefault(request.defaultRoute());
            DlrConfig dlr = DlrService.findChangeable(handle, id);
            RouteRules.check(dlr.lifs(), routes, defaultRoute);
            RouteStore.replace(handle, id, routes, defaultRoute, generation);
            DlrStore.stamp(handle, id, generation);
            return DlrStaticRouting.of(DlrService.find(handle, id));
        }).value();
    }
}
