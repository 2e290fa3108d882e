package org.netweave.manager.network.vnic;

import java.util.List;
import java.util.Optional;

import org.netweave.manager.api.ApiException;
import org.netweave.manager.network.lswitch.LogicalSwitchConfig;
import org.netweave.model.ClusterId;
import org.netweave.model.Ipv4Address;

/** When a vNIC may join a logical switch. Pure. */
public final class VnicRules {
    private VnicRules() {
    }

    /**
     * The VM's host must be in a cluster of the switch's transport zone (the switch exists only
     * there), and no external VTEP may already claim the vNIC's MAC on that switch.
     *
     * @param zoneClusters         the clusters of the switch's zone
     * @param externalVtepWithMac  the external VTEP of the switch that binds the vNIC's MAC, if any
     */
    public static void checkAttach(VnicPlacement vnic, LogicalSwitchConfig target, List<ClusterId> zoneClusters,
                                   Optional<Ipv4Address> externalVtepWithMac) {
        if (!zoneClusters.contains(vnic.cluster())) {
            throw ApiException.conflict("logicalSwitchId", vnic.vm() + " runs on " + vnic.host() + " in cluster "
                    + vnic.cluster() + ", which is not in transport zone " + target.transportZone() + " of logical switch "
                    + target.id() + " (its clusters: " + zoneClusters + ")");
        }
        externalVtepWithMac.ifPresent(vtep -> {
            throw ApiException.conflict("logicalSwitchId", "MAC " + vnic.mac() + " of " + vnic.vm() + " vNIC "
                    + vnic.index() + " is bound to external VTEP " + vtep + " on logical switch " + target.id());
        });
    }
}
