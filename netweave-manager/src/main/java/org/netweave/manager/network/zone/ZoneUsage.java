package org.netweave.manager.network.zone;

import java.util.List;
import java.util.Set;

import org.netweave.model.ClusterId;
import org.netweave.model.DlrId;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.VmId;

/**
 * What a transport zone's clusters carry, for the rules about taking a cluster out of it.
 *
 * @param switches the zone's logical switches
 * @param vnics    vNICs attached to those switches, with the cluster their VM's host is in
 * @param dlrs     the DLRs of the zone (by their column or their LIFs' switches)
 */
public record ZoneUsage(List<LogicalSwitchId> switches, List<AttachedVnic> vnics, List<ZoneDlr> dlrs) {
    public ZoneUsage {
        switches = List.copyOf(switches);
        vnics = List.copyOf(vnics);
        dlrs = List.copyOf(dlrs);
    }

    public record AttachedVnic(VmId vm, int index, ClusterId cluster, LogicalSwitchId logicalSwitch) {
    }

    /**
     * @param state              the dlr row's state (DEPLOYING, DEPLOYED, FAILED)
     * @param applianceCluster   where its control VMs must run, or null for any cluster of the zone
     * @param controlVmClusters  the clusters its control VMs run in now
     */
    public record ZoneDlr(DlrId id, String state, ClusterId applianceCluster, Set<ClusterId> controlVmClusters) {
        public ZoneDlr {
            controlVmClusters = Set.copyOf(controlVmClusters);
        }
    }
}
