package org.netweave.controller.runtime;

import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.LifId;
import org.netweave.model.MacAddress;
import org.netweave.model.ReplicationMode;
import org.netweave.model.VlanId;
import org.netweave.model.Vni;

/** Short names for the values the runtime tests build, so the tests read like the scenario. */
final class Fixtures {
    static final Vni VNI = Vni.of(5001);
    static final Ipv4Prefix SEGMENT = Ipv4Prefix.parse("192.168.250.0/24");

    private Fixtures() {
    }

    static HostConnection connection(int id, String host, String hostIp, int port) {
        return new HostConnection(ConnectionId.of(id), HostId.of(host), Ipv4Address.parse(hostIp), port);
    }

    static ConnectionId id(int id) {
        return ConnectionId.of(id);
    }

    static Ipv4Address ip(String text) {
        return Ipv4Address.parse(text);
    }

    static MacAddress mac(String text) {
        return MacAddress.parse(text);
    }

    static HostId host(String id) {
        return HostId.of(id);
    }

    static LogicalSwitchSettings settings(Vni vni) {
        return new LogicalSwitchSettings(vni, "ls-" + vni, ReplicationMode.UNICAST, true);
    }

    static DlrLif vxlanLif(String id, int vni, String address) {
        return new DlrLif(LifId.of(id), LifSegment.vxlan(Vni.of(vni)), Ipv4InterfaceAddress.parse(address),
                mac("02:50:56:8e:21:35"), 1500, false);
    }

    static DlrLif vlanLif(String id, int vlan, String address) {
        return new DlrLif(LifId.of(id), LifSegment.vlan(VlanId.of(vlan)), Ipv4InterfaceAddress.parse(address),
                mac("02:50:56:8e:21:35"), 1500, false);
    }

    static DlrRoute route(String prefix, String nextHop, String lif) {
        return DlrRoute.via(Ipv4Prefix.parse(prefix), ip(nextHop), LifId.of(lif));
    }
}
