package org.netweave.controller.runtime;

import java.util.Comparator;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.LifId;
import org.netweave.model.MacAddress;

/**
 * A logical interface of a DLR as the manager configured it (the wire's {@code Lif}).
 *
 * @param id      unique within the DLR; the CLI's Interface column
 * @param segment the one logical switch or VLAN it connects
 * @param address the gateway address and subnet, e.g. 10.0.1.1/24; its subnet is the LIF's
 *                connected route
 * @param vmac    the gateway MAC, the same on every host so a VM keeps its gateway across vMotion
 * @param mtu     68 (the IPv4 minimum) to 9000 (NSX-V's largest interface MTU)
 * @param uplink  faces the upstream router (NSX interface index 1–9) rather than tenant switches
 */
public record DlrLif(LifId id, LifSegment segment, Ipv4InterfaceAddress address, MacAddress vmac, int mtu,
        boolean uplink) {
    public static final int MIN_MTU = 68;
    public static final int MAX_MTU = 9000;
    static final Comparator<DlrLif> ORDER = Comparator.comparing(DlrLif::id);

    public DlrLif {
        Fields.present("lifId", id);
        Fields.present("segment", segment);
        Fields.present("address", address);
        Fields.present("vmac", vmac);
        if (vmac.isMulticast() || vmac.equals(MacAddress.ZERO)) {
            throw new InvalidValueException("vmac", vmac.toString(), "must be a unicast MAC");
        }
        if (mtu < MIN_MTU || mtu > MAX_MTU) {
            throw new InvalidValueException("mtu", mtu, "is outside " + MIN_MTU + "-" + MAX_MTU);
        }
    }
}
