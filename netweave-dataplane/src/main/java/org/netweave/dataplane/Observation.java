package org.netweave.dataplane;

import java.util.Objects;
import org.netweave.model.HostId;

/**
 * One hop of a traced packet: which host and component saw it, what it did, and the table
 * entry that decided (for example {@code route 10.0.2.0/24 via lif-5001} or
 * {@code mac 02:..:02 -> vtep 127.0.1.2}). Only packets marked for tracing produce
 * observations, so the forwarding path pays nothing for them otherwise.
 *
 * @param traceId   the trace the packet belongs to (carried across hosts in the VXLAN header)
 * @param host      the reporting host
 * @param kind      what happened
 * @param component the component kind
 * @param componentName its name: a port id, {@code vni-5001}, a DLR id, a VTEP address, a bridge id
 * @param vni       the logical switch involved, or 0
 * @param lif       the router LIF involved, or null
 * @param decidedBy the table entry that decided, or null
 * @param dropReason set for {@link ObservationKind#DROPPED} only
 * @param nanoTime  a monotonic timestamp on the reporting host, for ordering within one host
 */
public record Observation(
        int traceId,
        HostId host,
        ObservationKind kind,
        ObservationComponent component,
        String componentName,
        int vni,
        String lif,
        String decidedBy,
        DropReason dropReason,
        long nanoTime) {

    public Observation {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(component, "component");
        if ((kind == ObservationKind.DROPPED) != (dropReason != null)) {
            throw new IllegalArgumentException("a drop reason belongs to DROPPED observations and only to them");
        }
    }

    @Override
    public String toString() {
        return host + " " + kind + " " + component + " " + componentName
                + (vni != 0 ? " vni=" + vni : "") + (lif != null ? " lif=" + lif : "")
                + (decidedBy != null ? " [" + decidedBy + "]" : "") + (dropReason != null ? " reason=" + dropReason : "");
    }
}
