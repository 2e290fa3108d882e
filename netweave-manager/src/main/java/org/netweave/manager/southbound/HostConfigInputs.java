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

/** Everything one host's configuration is made of, read from the desired state. */
record HostConfigInputs(HostId host, Optional<Ipv4Address> vtep, Optional<MacAddress> routerMac,
                        List<SwitchInput> logicalSwitches, List<DlrId> dlrs, List<VnicInput> vnics) {

    record SwitchInput(Vni vni, String name, String replicationMode, List<ExternalVtepConfig> externalVteps) {
    }

    record VnicInput(VmId vm, int index, MacAddress mac, Optional<Ipv4Address> ip, Optional<Vni> vni,
                     boolean poweredOn) {
    }
}
