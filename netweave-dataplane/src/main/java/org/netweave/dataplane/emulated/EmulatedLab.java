package org.netweave.dataplane.emulated;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.netweave.dataplane.ArpResolver;
import org.netweave.dataplane.Bridge;
import org.netweave.dataplane.DatapathChange;
import org.netweave.dataplane.DatapathChange.*;
import org.netweave.dataplane.HostDatapathConfig;
import org.netweave.dataplane.Lif;
import org.netweave.dataplane.LogicalSwitchSpec;
import org.netweave.dataplane.VnicPort;
import org.netweave.dataplane.VtepRecord;
import org.netweave.model.DlrId;
import org.netweave.model.EndpointId;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.MacAddress;
import org.netweave.model.PortId;
import org.netweave.model.VlanId;
import org.netweave.model.Vni;

/**
 * A set of emulated hosts, a physical switch and endpoints, configured the way a controller
 * would configure them — every host gets every logical switch with the full VTEP table, every
 * DLR with its LIFs, and (optionally) every VM's MAC and IP binding. It stands in for the
 * control plane until that exists, and stays useful for data-plane tests and benchmarks. It
 * configures the hosts it has at the time of each call: add every host first.
 */
public final class EmulatedLab implements Closeable {
    private final Map<HostId, EmulatedHost> hosts = new LinkedHashMap<>();
    private final Map<Vni, Map<Ipv4Address, MacAddress>> bindings = new ConcurrentHashMap<>();
    private final boolean pushBindings;
    private EmulatedPhysicalSwitch physical;

    /**
     * @param pushBindings whether VM MAC and IP bindings are pushed to every host (as a controller
     *                     does); without it, hosts learn from traffic and flood ARP
     */
    public EmulatedLab(boolean pushBindings) {
        this.pushBindings = pushBindings;
    }

    /** The router MAC a lab gives host number {@code n}: 02:50:56:00:nn:01, unique per host. */
    public static MacAddress routerMac(int n) {
        return MacAddress.of(0x0250_5600_0001L | (long) (n & 0xFFFF) << 8);
    }

    public EmulatedHost addHost(String name, Ipv4Address vtep, Ipv4Prefix segment, int vxlanPort) {
        HostDatapathConfig config = new HostDatapathConfig(HostId.of(name), vtep, segment,
                MacAddress.of(EmulatedUnderlay.vtepMac(vtep.value())), routerMac(hosts.size() + 1), vxlanPort);
        EmulatedHost host = new EmulatedHost(config);
        host.setArpResolver(resolver());
        hosts.put(config.hostId(), host);
        if (physical != null) {
            connectUplink(host);
        }
        return host;
    }

    public EmulatedHost host(String name) {
        EmulatedHost h = hosts.get(HostId.of(name));
        if (h == null) {
            throw new IllegalArgumentException("no host " + name);
        }
        return h;
    }

    public List<EmulatedHost> hosts() {
        return List.copyOf(hosts.values());
    }

    /** Answers ARP-suppression queries from the bindings of the lab's VMs, as a controller would. */
    public ArpResolver resolver() {
        return (vni, ip) -> pushBindings ? bindings.getOrDefault(vni, Map.of()).get(ip) : null;
    }

    /** Creates a logical switch on every host with the full VTEP table. */
    public void addLogicalSwitch(LogicalSwitchSpec spec) {
        List<DatapathChange> changes = new ArrayList<>();
        changes.add(new PutLogicalSwitch(spec));
        hosts.values().forEach(h -> changes.add(new PutVtep(spec.vni(),
                new VtepRecord(h.config().vtepIp(), h.config().vtepSegment()))));
        applyEverywhere(changes);
    }

    /** Creates a VM on {@code host}, attached to logical switch {@code vni}. */
    public EmulatedEndpoint addVm(String name, EmulatedHost host, Vni vni, MacAddress mac, Ipv4InterfaceAddress address,
            Ipv4Address gateway) {
        EmulatedEndpoint vm = new EmulatedEndpoint(EndpointId.of(name), mac, address, gateway);
        PortId port = PortId.of(name + ".000");
        host.plug(port, vm);
        host.apply(new AttachPort(new VnicPort(port, vni, mac, Set.of(address.address()))));
        if (pushBindings) {
            bindings.computeIfAbsent(vni, v -> new ConcurrentHashMap<>()).put(address.address(), mac);
            for (EmulatedHost h : hosts.values()) {
                List<DatapathChange> changes = new ArrayList<>();
                if (h != host) {
                    changes.add(new PutRemoteMac(vni, mac, host.config().vtepIp()));
                }
                changes.add(new PutArpEntry(vni, address.address(), mac));
                h.apply(changes);
            }
        }
        return vm;
    }

    /** Creates a DLR instance with its LIFs on every host; the first host is every LIF's designated instance. */
    public void addDlr(DlrId dlr, List<Lif> lifs) {
        boolean first = true;
        for (EmulatedHost h : hosts.values()) {
            List<DatapathChange> changes = new ArrayList<>();
            changes.add(new PutDlr(dlr));
            for (Lif lif : lifs) {
                changes.add(new PutLif(dlr, new Lif(lif.id(), lif.type(), lif.vni(), lif.address(), lif.vmac(), first)));
            }
            h.apply(changes);
            first = false;
        }
    }

    /** Runs the bridge instance on {@code host} and connects every host's uplink to the physical switch. */
    public void addBridge(Bridge bridge, EmulatedHost host) {
        physicalSwitch();
        host.apply(new PutBridge(bridge));
    }

    /** The physical switch; created on first use, with a trunk to every host's uplink. */
    public EmulatedPhysicalSwitch physicalSwitch() {
        if (physical == null) {
            physical = new EmulatedPhysicalSwitch("tor", Ipv4Address.parse("127.0.0.254"));
            hosts.values().forEach(this::connectUplink);
        }
        return physical;
    }

    private void connectUplink(EmulatedHost host) {
        host.connectUplink(physical.address());
        physical.addTrunk(host.uplinkAddress());
    }

    public EmulatedEndpoint addPhysicalServer(String name, VlanId vlan, MacAddress mac, Ipv4InterfaceAddress address,
            Ipv4Address gateway) {
        EmulatedEndpoint server = new EmulatedEndpoint(EndpointId.of(name), mac, address, gateway);
        physicalSwitch().plug(server, vlan);
        return server;
    }

    public void applyEverywhere(List<? extends DatapathChange> changes) {
        hosts.values().forEach(h -> h.apply(changes));
    }

    @Override
    public void close() {
        hosts.values().forEach(EmulatedHost::close);
        if (physical != null) {
            physical.close();
        }
    }
}
