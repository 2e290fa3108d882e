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

    /** A consistent snapshot of the installed tables, for show commands and tests. */
    DatapathTables tables();

    @Override
    void close();
}
