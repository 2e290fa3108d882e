package org.netweave.manager.network.router;

import org.netweave.model.LogicalSwitchId;
import org.netweave.model.TransportZoneId;
import org.netweave.model.Vni;

/**
 * What the DLR rules need to know about a logical switch a LIF or bridge names.
 *
 * @param lifOwner the DLR one of whose LIFs is on the switch, or null
 */
public record SwitchFacts(LogicalSwitchId id, Vni vni, TransportZoneId zone, DlrRef lifOwner) {
}
