package org.netweave.dataplane;

import java.util.Collection;
import java.util.Objects;
import org.netweave.model.BridgeId;
import org.netweave.model.InvalidValueException;
import org.netweave.model.VlanId;
import org.netweave.model.Vni;

/**
 * An L2 bridge instance between one logical switch and one VLAN of the physical network. It runs
 * on one designated host at a time (in NSX, the host of the DLR's active control VM); a host is
 * given this record only while it is that host.
 */
public record Bridge(BridgeId id, Vni vni, VlanId vlan) {
    public Bridge {
        Objects.requireNonNull(id, "bridgeId");
        Objects.requireNonNull(vni, "vni");
        Objects.requireNonNull(vlan, "vlan");
    }

    /**
     * Refuses this bridge beside {@code others} on one host if another bridge already takes its
     * VNI or its VLAN: two bridges between the same segments would make a loop.
     *
     * @throws InvalidValueException naming the VNI or VLAN taken, and by which bridge
     */
    /**
     * Refuses removing the switch {@code vni} while one of {@code bridges} still bridges it.
     *
     * @throws InvalidValueException naming the VNI and the bridge
     */
    public static void requireNoneOn(Collection<Bridge> bridges, Vni vni) {
        bridges.stream().filter(b -> b.vni.equals(vni)).findFirst().ifPresent(b -> {
            throw new InvalidValueException("vni", vni.value(), "is still bridged by " + b.id + "; remove the bridge first");
        });
    }

    public void requireDistinctFrom(Collection<Bridge> others) {
        for (Bridge b : others) {
            if (b.id.equals(id)) {
                continue;
            }
            if (b.vni.equals(vni)) {
                throw new InvalidValueException("vni", vni.value(), "is already bridged by " + b.id);
            }
            if (b.vlan.equals(vlan)) {
                throw new InvalidValueException("vlan", vlan.value(), "is already bridged by " + b.id);
            }
        }
    }
}
