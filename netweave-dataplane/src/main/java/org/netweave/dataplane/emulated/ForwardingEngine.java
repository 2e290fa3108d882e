package org.netweave.dataplane.emulated;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.netweave.dataplane.ArpResolver;
import org.netweave.dataplane.DatapathChange;
import org.netweave.dataplane.DatapathCounters;
import org.netweave.dataplane.DatapathTables;
import org.netweave.dataplane.HostDatapathConfig;
import org.netweave.dataplane.ObservationSink;
import org.netweave.model.PortId;

/**
 * The forwarding pipeline of one emulated host with its tables, without threads or sockets: the
 * unit that {@link EmulatedHost} drives from its event loop and that benchmarks drive directly.
 *
 * <p>Not thread-safe: one thread owns it and makes every call. Frames are passed as byte arrays
 * with at least {@link #HEADROOM} free bytes before the frame; they are changed in place.
 */
public final class ForwardingEngine {
    public static final int HEADROOM = Pipeline.HEADROOM;

    private final HostTables tables;
    private final Pipeline pipeline;

    public ForwardingEngine(HostDatapathConfig config, Wire wire) {
        this.tables = new HostTables(config);
        this.pipeline = new Pipeline(tables, wire);
    }

    public HostDatapathConfig config() {
        return tables.config;
    }

    /** Validates and applies a batch; on an invalid change nothing is applied. */
    public void apply(List<? extends DatapathChange> changes) {
        ChangeApplier.apply(tables, pipeline, changes);
    }

    /** Plugs an endpoint (an emulated VM) into a port id; it receives frames once the port is attached. */
    public void connect(PortId port, PortEndpoint endpoint) {
        tables.endpoints.put(port, endpoint);
        PortInstance p = tables.portsById.get(port);
        if (p != null) {
            p.endpoint = endpoint;
        }
    }

    public void disconnect(PortId port) {
        tables.endpoints.remove(port);
        PortInstance p = tables.portsById.get(port);
        if (p != null) {
            p.endpoint = null;
        }
    }

    /** The index of an attached port, for {@link #fromPort}; -1 if the port is not attached. */
    public int portIndex(PortId port) {
        PortInstance p = tables.portsById.get(port);
        return p == null ? -1 : p.index;
    }

    /** A frame from the VM on port {@code portIndex}; {@code traceId} 0 means not traced. */
    public void fromPort(int portIndex, byte[] b, int off, int len, int traceId) {
        PortInstance port = portIndex >= 0 && portIndex < tables.ports.length ? tables.ports[portIndex] : null;
        if (port == null) {
            pipeline.counters.drop(org.netweave.dataplane.DropReason.PORT_DOWN);
            return;
        }
        pipeline.fromPort(port, b, off, len, traceId);
    }

    public void fromPort(int portIndex, byte[] b, int off, int len) {
        fromPort(portIndex, b, off, len, 0);
    }

    /** A UDP datagram from {@code srcVtep}: VXLAN header then the inner frame at {@code vxlanOff}. */
    public void fromTunnel(int srcVtep, byte[] b, int vxlanOff, int len) {
        pipeline.fromTunnel(srcVtep, b, vxlanOff, len);
    }

    /** An 802.1Q-tagged frame from the physical uplink. */
    public void fromUplink(byte[] b, int off, int len) {
        pipeline.fromUplink(b, off, len);
    }

    /**
     * Recounts VXLAN packets the pipeline handed to its {@link Wire} as sent, which the wire
     * (sending in batches) could not send after all: from sent to dropped as TX_FAILED.
     */
    public void countTransmitFailures(int packets) {
        pipeline.counters.vxlanSent -= packets;
        pipeline.counters.drop(org.netweave.dataplane.DropReason.TX_FAILED, packets);
    }

    /** Drops held packets whose next hop did not answer in time. */
    public void expire(long nanoTime) {
        pipeline.routing.expireHeld(nanoTime);
    }

    public void setArpResolver(ArpResolver resolver) {
        pipeline.arp.resolver = resolver;
    }

    public void setObservationSink(ObservationSink sink) {
        pipeline.tracer.sink = sink;
    }

    public DatapathCounters counters() {
        return pipeline.counters.snapshot();
    }

    public DatapathTables tables() {
        return TablesSnapshot.of(tables);
    }

    /** The underlay multicast groups this host's VTEP must have joined for its switches. */
    public Set<Integer> underlayGroups() {
        Set<Integer> groups = new TreeSet<>();
        tables.switches.values().forEach(ls -> {
            if (ls.replication.multicastGroup() != 0) {
                groups.add(ls.replication.multicastGroup());
            }
        });
        return groups;
    }
}
