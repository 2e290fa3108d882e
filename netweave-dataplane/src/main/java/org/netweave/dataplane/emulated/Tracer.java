package org.netweave.dataplane.emulated;

import org.netweave.dataplane.DropReason;
import org.netweave.dataplane.Observation;
import org.netweave.dataplane.ObservationComponent;
import org.netweave.dataplane.ObservationKind;
import org.netweave.dataplane.ObservationSink;
import org.netweave.model.HostId;

/**
 * Turns pipeline events of traced packets into observations. The pipeline calls it only when
 * the packet's trace id is non-zero, so untraced packets build no strings and no objects.
 */
final class Tracer {
    private final HostId host;
    volatile ObservationSink sink = ObservationSink.NONE;

    Tracer(HostId host) {
        this.host = host;
    }

    void observe(int traceId, ObservationKind kind, ObservationComponent component, String name, int vni, String lif,
            String decidedBy) {
        sink.observe(new Observation(traceId, host, kind, component, name, vni, lif, decidedBy, null, System.nanoTime()));
    }

    void dropped(int traceId, ObservationComponent component, String name, int vni, String decidedBy, DropReason reason) {
        sink.observe(new Observation(traceId, host, ObservationKind.DROPPED, component, name, vni, null, decidedBy, reason,
                System.nanoTime()));
    }
}
