package org.netweave.manager.network.vtep;

import java.util.Comparator;
import java.util.List;

import org.netweave.model.Ipv4Address;
import org.netweave.model.LogicalSwitchId;

/** A VTEP outside the manager's hosts on one logical switch, with the MACs behind it sorted by MAC. */
public record ExternalVtepConfig(LogicalSwitchId logicalSwitch, Ipv4Address vtep, List<MacBinding> bindings,
                                 long generation) {
    public ExternalVtepConfig {
        bindings = bindings.stream().sorted(Comparator.comparing(MacBinding::mac)).toList();
    }
}
