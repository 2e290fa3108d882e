package org.netweave.dataplane;

import java.util.List;

/**
 * The data plane of one hypervisor, as the host agent drives it: logical switches with their
 * VTEP, MAC and ARP tables, vNIC ports, DLR instances with LIFs and routes, and bridge
 * instances. Backends: the emulated pure-Java pipeline, and Open vSwitch.
 *
 * <p>All methods are thread-safe. {@link #apply} returns once the batch is in effect.
 */
public interface Datapath extends AutoCloseable {

    HostDatapathConfig config();

    /**
     * Applies a batch of changes atomically: either every change takes effect, before the next
     * packet is processed, or — if one of them is invalid — none does and an
     * {@link org.netweave.model.InvalidValueException} names the offending field.
     */
    void apply(List<? extends DatapathChange> changes);

    default void apply(DatapathChange... changes) {
        apply(List.of(changes));
    }

    DatapathCounters counters();

    /**
     * Where ARP suppression asks when the host's own table has no binding (the VNI's owning
     * controller, through the host agent). Called on the forwarding path: it must answer from
     * memory. A backend that suppresses ARP some other way may ignore it.
     */
    default void setArpResolver(ArpResolver resolver) {
    }

    /**
     * Where observations of traced packets go (traceflow). Called on the forwarding path: the
     * sink must be quick and must not block. A backend that cannot trace ignores it.
     */
    default void setObservationSink(ObservationSink sink) {
    }

    /**
     * Sends {@code frame} as if the VM on {@code port} had, marked with {@code traceId} (1 to
     * {@link org.netweave.packet.Vxlan#MAX_TRACE_ID}) so that every component it crosses, on
     * every host, reports an observation. A traced frame is never handed to a guest: at a vNIC
     * it is observed as delivered and consumed, as NSX Traceflow does.
     *
     * @throws org.netweave.model.InvalidValueException if the port is not attached here or the
     *         trace id is out of range
     * @throws UnsupportedOperationException if this backend cannot trace
     */
    default void injectTraced(org.netweave.model.PortId port, byte[] frame, int traceId) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot trace packets");
    }

    /**
     * Traces on a packet another host's datapath traced into a tunnel to this host
     * ({@link ObservationSink#continueAt}), as if it arrived from {@code fromVtep}.
     *
     * @throws UnsupportedOperationException if this backend carries traces in its tunnels itself
     */
    default void continueTraced(TraceContinuation continuation) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " carries traces in its tunnels");
    }

    /**
     * The other hosts' router MACs (Neutron's DVR MACs, from {@code get_dvr_mac_address_list}).
     * A backend that tells routed frames from remote hosts by their source MAC, as Neutron's
     * br-tun does, needs them; the emulated backend does not and ignores them.
     */
    default void setPeerRouterMacs(java.util.Set<org.netweave.model.MacAddress> macs) {
    }

    /** A consistent snapshot of the installed tables, for show commands and tests. */
    DatapathTables tables();

    @Override
    void close();
}
