package org.netweave.hostagent;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

import org.netweave.dataplane.ExternalVtep;
import org.netweave.dataplane.LogicalSwitchSpec;
import org.netweave.dataplane.VtepRecord;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;

/**
 * One logical switch as the host's datapath should hold it: its spec, the remote VTEPs that joined
 * it, the remote MACs and the VTEPs they sit behind, the IP-to-MAC bindings for ARP suppression,
 * and the external VTEPs of the configuration.
 *
 * @param vteps      remote VTEPs by address; the host's own VTEP is never among them
 * @param remoteMacs MAC to the remote VTEP it sits behind
 * @param arps       IP to MAC, local and remote
 */
public record DesiredSwitchTables(LogicalSwitchSpec spec, SortedMap<Ipv4Address, VtepRecord> vteps,
                                  SortedMap<MacAddress, Ipv4Address> remoteMacs, SortedMap<Ipv4Address, MacAddress> arps,
                                  SortedMap<Ipv4Address, ExternalVtep> externalVteps) {
    public DesiredSwitchTables {
        Objects.requireNonNull(spec, "spec");
        vteps = Collections.unmodifiableSortedMap(new TreeMap<>(vteps));
        remoteMacs = Collections.unmodifiableSortedMap(new TreeMap<>(remoteMacs));
        arps = Collections.unmodifiableSortedMap(new TreeMap<>(arps));
        externalVteps = Collections.unmodifiableSortedMap(new TreeMap<>(externalVteps));
    }
}
