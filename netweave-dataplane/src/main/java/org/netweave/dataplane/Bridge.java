package org.netweave.dataplane;

import java.util.Objects;
import org.netweave.model.BridgeId;
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
}
