package org.netweave.manager.southbound;

import java.util.List;
import java.util.Optional;

import org.netweave.manager.network.vtep.ExternalVtepConfig;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;
import org.netweave.model.VmId;
import org.netweave.proto.manager.v1.LogicalSwitchConfig;

/**
 * Everything one host's configuration is made of, read from the desired state; its logical
 * switches already translated (by {@link HostConfigs#logicalSwitch}), since one translation serves
 * every host the switch spans.
 */
record HostConfigInputs(HostId host, Optional<Ipv4Address> vtep, int vtepPrefixLength, Optional<MacAddress> routerMac,
                        List<LogicalSwitchConfig> logicalSwitches, List<DlrId> dlrs, List<VnicInput> vnics) {

    /** A logical switch row with its external VTEPs: what {@link HostConfigs#logicalSwitch} translates. */
    record SwitchInput(Vni vni, String name, String replicationMode, List<ExternalVtepConfig> externalVteps) {
    }

    record VnicInput(VmId vm, int index, MacAddress mac, Optional<Ipv4Address> ip, Optional<Vni> vni,
                     boolean poweredOn) {
    }
}
