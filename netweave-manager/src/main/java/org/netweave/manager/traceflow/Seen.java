package org.netweave.manager.traceflow;

import org.netweave.model.HostId;
import org.netweave.proto.manager.v1.TraceflowObservation;

/** One observation as a host reported it; {@code nanoTime} orders a host's own observations only. */
record Seen(HostId host, String kind, String component, String componentName, int vni, String lif, String decidedBy,
            String dropReason, long nanoTime) {

    static Seen of(HostId host, TraceflowObservation o) {
        return new Seen(host, o.getKind(), o.getComponent(), o.getComponentName(), o.getVni(), blankToNull(o.getLif()),
                blankToNull(o.getDecidedBy()), blankToNull(o.getDropReason()), o.getNanoTime());
    }

    boolean is(String what) {
        return kind.equals(what);
    }

    boolean isTunnel() {
        return component.equals("TUNNEL");
    }

    private static String blankToNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
