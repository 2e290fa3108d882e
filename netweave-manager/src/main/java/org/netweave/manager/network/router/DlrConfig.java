package org.netweave.manager.network.router;

import java.util.List;

import org.netweave.model.ClusterId;
import org.netweave.model.ControllerId;
import org.netweave.model.DlrId;
import org.netweave.model.TransportZoneId;

/**
 * A DLR's whole desired configuration, as the deployment job and the reconciler read it.
 *
 * @param applianceCluster where its control VMs run, or null for any cluster of its zone
 * @param transportZone    the zone of its logical switches (the column once the job set it, else
 *                         derived from its LIFs); the DLR exists on every host of that zone
 * @param controller       the controller node that masters it, or null before step 6
 * @param lifs             by index
 * @param staticRoutes     without the default route, by network
 * @param defaultRoute     the route to 0.0.0.0/0, or null
 * @param bridges          by name
 */
public record DlrConfig(DlrId id, String name, String tenant, boolean haEnabled, ClusterId applianceCluster,
                        TransportZoneId transportZone, DlrState state, boolean instancesCreated, boolean lifsPublished,
                        ControllerId controller, List<Lif> lifs, List<StaticRoute> staticRoutes, StaticRoute defaultRoute,
                        List<Bridge> bridges, long generation) {
    public DlrConfig {
        lifs = List.copyOf(lifs);
        staticRoutes = List.copyOf(staticRoutes);
        bridges = List.copyOf(bridges);
    }

    /** The DLR instance's name on hosts, {@code <tenant>+edge-N} as NSX names it. */
    public String instanceName() {
        return tenant + "+" + id;
    }

    public DlrRef ref() {
        return new DlrRef(id, name);
    }
}
