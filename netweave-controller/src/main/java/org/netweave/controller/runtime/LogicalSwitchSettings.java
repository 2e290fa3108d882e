package org.netweave.controller.runtime;

import org.netweave.model.ReplicationMode;
import org.netweave.model.Vni;

/**
 * What the manager configured for a logical switch, as its owner needs it (NSX columns VNI,
 * BUM-Replication, ARP-Proxy).
 *
 * @param vni         the segment id
 * @param name        display name, one line
 * @param replication how BUM frames reach the other VTEPs
 * @param arpProxy    whether this node answers hosts' ARP queries from its ARP table (ARP
 *                    suppression); with it off, {@link LogicalSwitchRuntime#lookupArp} answers
 *                    nothing and hosts flood
 */
public record LogicalSwitchSettings(Vni vni, String name, ReplicationMode replication, boolean arpProxy) {
    public LogicalSwitchSettings {
        Fields.present("vni", vni);
        Fields.name("name", name);
        Fields.present("replicationMode", replication);
    }
}
