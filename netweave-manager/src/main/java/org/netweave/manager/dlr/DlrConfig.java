package org.netweave.manager.dlr;

import java.util.List;
import java.util.Optional;

import org.netweave.model.ClusterId;
import org.netweave.model.DlrId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.MacAddress;
import org.netweave.model.TransportZoneId;
import org.netweave.model.Vni;

/** A DLR's desired configuration as the deployment job and the reconciler need it. */
public record DlrConfig(DlrId id, String name, String tenant, boolean haEnabled, Optional<ClusterId> applianceCluster,
                        Optional<TransportZoneId> transportZone, String state, boolean instancesCreated,
                        boolean lifsPublished, Optional<String> controllerId, long generation,
                        List<Interface> interfaces, List<StaticRoute> routes, List<Bridge> bridges) {

    /** A LIF on a logical switch (with its VNI) or on a VLAN. */
    public record Interface(int index, String name, boolean uplink, Optional<LogicalSwitchId> logicalSwitch,
                            Optional<Vni> vni, Optional<Integer> vlan, Ipv4Address ip, int prefixLength,
                            MacAddress mac, int mtu) {
        /** The id the controllers and hosts know the LIF by. */
        public String lifId() {
            return "lif-" + index;
        }
    }

    public record StaticRoute(Ipv4Prefix network, Ipv4Address nextHop, int adminDistance) {
    }

    public record Bridge(String id, String name, LogicalSwitchId logicalSwitch, Vni vni, int vlan) {
    }

    /** The number of hosts' worth of configuration a change of this DLR is stamped with. */
    public List<LogicalSwitchId> logicalSwitches() {
        return interfaces.stream().flatMap(lif -> lif.logicalSwitch().stream()).toList();
    }
}
