package org.netweave.manager.network.lswitch;

import org.netweave.model.LogicalSwitchId;
import org.netweave.model.ReplicationMode;
import org.netweave.model.TransportZoneId;
import org.netweave.model.Vni;

/** A logical switch as stored (NSX virtualwire): its VNI, its zone and how it replicates BUM frames. */
public record LogicalSwitchConfig(LogicalSwitchId id, String name, Vni vni, TransportZoneId transportZone,
                                  ReplicationMode replicationMode, long generation) {
}
