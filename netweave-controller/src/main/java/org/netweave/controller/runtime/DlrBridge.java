package org.netweave.controller.runtime;

import java.util.Comparator;
import org.netweave.model.BridgeId;
import org.netweave.model.HostId;
import org.netweave.model.VlanId;
import org.netweave.model.Vni;

/**
 * An L2 bridge of a DLR between one logical switch and one VLAN, run by one host (the wire's
 * {@code Bridge}; NSX runs it on the host of the DLR's active control VM).
 *
 * @param host the host that runs the bridge; the CLI shows it Active while that host is joined
 */
public record DlrBridge(BridgeId id, Vni vni, VlanId vlan, HostId host) {
    static final Comparator<DlrBridge> ORDER = Comparator.comparing(DlrBridge::id);

    public DlrBridge {
        Fields.present("bridgeId", id);
        Fields.present("vni", vni);
        Fields.present("vlan", vlan);
        Fields.present("hostId", host);
    }
}
