package org.netweave.dataplane.emulated;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agrona.collections.IntHashSet;
import org.agrona.collections.Long2LongHashMap;
import org.netweave.dataplane.ExternalVtep;
import org.netweave.dataplane.LogicalSwitchSpec;
import org.netweave.dataplane.VtepRecord;
import org.netweave.model.Ipv4Address;

/**
 * One logical switch (VNI) on one host (NSX's VDL2 instance): the MAC table that says where a
 * destination lives, the ARP table behind ARP suppression and the DLR's next-hop resolution,
 * the VTEP table with the replication plan derived from it, the local ports, and the LIF and
 * bridge attached on this host. Owned by the host's forwarding thread.
 */
final class SwitchInstance {
    final int vni;
    /** "vni-5000": how observations and drops name the switch, built once rather than per packet. */
    final String name;
    LogicalSwitchSpec spec;
    final Long2LongHashMap macTable = new Long2LongHashMap(64, 0.5f, MacDestination.MISSING);
    /** IPv4 (as an unsigned int in a long) → MAC. */
    final Long2LongHashMap arpTable = new Long2LongHashMap(64, 0.5f, MacDestination.MISSING);
    final Map<Ipv4Address, VtepRecord> vteps = new LinkedHashMap<>();
    final Map<Ipv4Address, ExternalVtep> externalVteps = new LinkedHashMap<>();
    /** Every VTEP a VXLAN packet for this VNI may come from. */
    final IntHashSet knownSources = new IntHashSet();
    /** The subset of {@link #knownSources} that are external. */
    final IntHashSet externalSources = new IntHashSet();
    ReplicationPlan replication = ReplicationPlan.EMPTY;
    PortInstance[] ports = new PortInstance[0];
    LifInstance lif;
    BridgeInstance bridge;
    /**
     * The last MAC-table lookup and the tables generation it was made in: a VM sends nearly all
     * its frames to one MAC (its gateway's vMAC), so most lookups of a VM's switch are repeats.
     */
    private long memoMac = -1;
    private long memoEntry;
    private long memoGeneration;

    SwitchInstance(LogicalSwitchSpec spec) {
        this.vni = spec.vni().value();
        this.name = "vni-" + vni;
        this.spec = spec;
    }

    /** Where {@code mac} lives, or {@link MacDestination#MISSING}; {@code generation} is the tables' current one. */
    long destinationOf(long mac, long generation) {
        if (mac == memoMac && generation == memoGeneration) {
            return memoEntry;
        }
        long entry = macTable.get(mac);
        memoMac = mac;
        memoEntry = entry;
        memoGeneration = generation;
        return entry;
    }

    void addPort(PortInstance port) {
        PortInstance[] grown = java.util.Arrays.copyOf(ports, ports.length + 1);
        grown[ports.length] = port;
        ports = grown;
    }

    void removePort(PortInstance port) {
        List<PortInstance> kept = new ArrayList<>(List.of(ports));
        kept.remove(port);
        ports = kept.toArray(new PortInstance[0]);
    }

    void rebuildSources() {
        knownSources.clear();
        externalSources.clear();
        vteps.keySet().forEach(ip -> knownSources.add(ip.value()));
        externalVteps.keySet().forEach(ip -> {
            knownSources.add(ip.value());
            externalSources.add(ip.value());
        });
    }
}
