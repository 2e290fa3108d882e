package org.netweave.dataplane;

import java.util.Objects;

import org.netweave.model.Ipv4Address;
import org.netweave.model.Vni;

/**
 * A traced packet that left {@code fromVtep} in a VXLAN tunnel to {@code toVtep} on a backend
 * whose tunnels cannot carry the trace mark (Open vSwitch traces with {@code ofproto/trace},
 * which sends nothing): the manager hands it to the host behind {@code toVtep}, whose datapath
 * traces on from its tunnel port ({@link Datapath#continueTraced}).
 *
 * @param frame the inner Ethernet frame as it left, every rewrite applied
 */
public record TraceContinuation(int traceId, Ipv4Address fromVtep, Ipv4Address toVtep, Vni vni, byte[] frame) {
    public TraceContinuation {
        Objects.requireNonNull(fromVtep, "fromVtep");
        Objects.requireNonNull(toVtep, "toVtep");
        Objects.requireNonNull(vni, "vni");
        frame = frame.clone();
    }

    @Override
    public byte[] frame() {
        return frame.clone();
    }
}
