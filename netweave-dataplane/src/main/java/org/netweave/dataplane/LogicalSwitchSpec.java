package org.netweave.dataplane;

import java.util.Objects;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;
import org.netweave.model.ReplicationMode;
import org.netweave.model.Vni;

/**
 * A logical switch as a host sees it.
 *
 * @param vni            the segment id
 * @param replication    how BUM frames reach the other VTEPs
 * @param multicastGroup the underlay group for HYBRID and MULTICAST modes; null for UNICAST
 */
public record LogicalSwitchSpec(Vni vni, ReplicationMode replication, Ipv4Address multicastGroup) {
    public LogicalSwitchSpec {
        Objects.requireNonNull(vni, "vni");
        Objects.requireNonNull(replication, "replication");
        if (replication != ReplicationMode.UNICAST) {
            if (multicastGroup == null || !multicastGroup.isMulticast()) {
                throw new InvalidValueException("multicastGroup", multicastGroup,
                        "must be an IPv4 multicast address for " + replication + " replication");
            }
        }
    }

    public static LogicalSwitchSpec unicast(Vni vni) {
        return new LogicalSwitchSpec(vni, ReplicationMode.UNICAST, null);
    }
}
