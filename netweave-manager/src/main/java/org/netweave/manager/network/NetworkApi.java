package org.netweave.manager.network;

import java.util.List;

import org.netweave.manager.api.ApiRoutes;
import org.netweave.manager.dlr.DlrLifecycle;
import org.netweave.manager.network.lswitch.LogicalSwitchAdminService;
import org.netweave.manager.network.lswitch.LogicalSwitchRoutes;
import org.netweave.manager.network.lswitch.LogicalSwitchService;
import org.netweave.manager.network.pool.SegmentPoolAdminService;
import org.netweave.manager.network.pool.SegmentPoolRoutes;
import org.netweave.manager.network.pool.SegmentPoolService;
import org.netweave.manager.network.router.DlrAdminService;
import org.netweave.manager.network.router.DlrBridgeAdminService;
import org.netweave.manager.network.router.DlrInterfaceAdminService;
import org.netweave.manager.network.router.DlrRoutes;
import org.netweave.manager.network.router.DlrRoutingAdminService;
import org.netweave.manager.network.router.DlrService;
import org.netweave.manager.network.vnic.VnicAdminService;
import org.netweave.manager.network.vnic.VnicRoutes;
import org.netweave.manager.network.vnic.VnicService;
import org.netweave.manager.network.vtep.ExternalVtepAdminService;
import org.netweave.manager.network.vtep.ExternalVtepRoutes;
import org.netweave.manager.network.vtep.ExternalVtepService;
import org.netweave.manager.network.zone.TransportZoneAdminService;
import org.netweave.manager.network.zone.TransportZoneRoutes;
import org.netweave.manager.network.zone.TransportZoneService;
import org.netweave.manager.realization.RealizationService;
import org.netweave.manager.store.Store;

/**
 * The logical networking part of the manager wired together: the read services the rest of the
 * manager uses (the deployment job, the reconciler) and the API routes to hand to
 * {@link org.netweave.manager.api.ApiServer#start}.
 */
public final class NetworkApi {
    private final SegmentPoolService segmentPools;
    private final TransportZoneService transportZones;
    private final LogicalSwitchService logicalSwitches;
    private final LogicalSwitchAdminService logicalSwitchAdmin;
    private final VnicService vnics;
    private final ExternalVtepService externalVteps;
    private final DlrService dlrs;
    private final List<ApiRoutes> routes;

    public NetworkApi(Store store, RealizationService realization, DlrLifecycle lifecycle) {
        segmentPools = new SegmentPoolService(store);
        transportZones = new TransportZoneService(store);
        logicalSwitches = new LogicalSwitchService(store, realization);
        logicalSwitchAdmin = new LogicalSwitchAdminService(store, logicalSwitches);
        vnics = new VnicService(store);
        externalVteps = new ExternalVtepService(store);
        dlrs = new DlrService(store, realization);
        routes = List.of(
                new SegmentPoolRoutes(segmentPools, new SegmentPoolAdminService(store)),
                new TransportZoneRoutes(transportZones, new TransportZoneAdminService(store)),
                new LogicalSwitchRoutes(logicalSwitches, logicalSwitchAdmin),
                new VnicRoutes(vnics, new VnicAdminService(store)),
                new ExternalVtepRoutes(externalVteps, new ExternalVtepAdminService(store)),
                new DlrRoutes(dlrs, new DlrAdminService(store, lifecycle), new DlrInterfaceAdminService(store),
                        new DlrRoutingAdminService(store), new DlrBridgeAdminService(store)));
    }

    public List<ApiRoutes> routes() {
        return routes;
    }

    public SegmentPoolService segmentPools() {
        return segmentPools;
    }

    public TransportZoneService transportZones() {
        return transportZones;
    }

    public LogicalSwitchService logicalSwitches() {
        return logicalSwitches;
    }

    /** The one that creates and deletes switches; the Neutron API's networks go through it too. */
    public LogicalSwitchAdminService logicalSwitchAdmin() {
        return logicalSwitchAdmin;
    }

    public VnicService vnics() {
        return vnics;
    }

    public ExternalVtepService externalVteps() {
        return externalVteps;
    }

    public DlrService dlrs() {
        return dlrs;
    }
}
