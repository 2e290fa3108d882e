package org.netweave.ovs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.netweave.dataplane.VnicPort;
import org.netweave.model.Ipv4Address;

/**
 * The OVS ports a host's state needs besides the fixed patch pair: VM ports and qr- ports on
 * br-int, each an access port of its VNI's local VLAN, and one VXLAN port per remote VTEP on
 * br-tun. Pure, like the flows.
 */
public final class PortPlan {
    private PortPlan() {
    }

    /**
     * One port. A changed spec is applied by deleting and re-adding the port.
     *
     * @param tag     the local VLAN of an access port on br-int; 0 for br-tun's ports
     * @param columns extra ovs-vsctl "set interface" settings, e.g. {@code type=vxlan}
     */
    public record PortSpec(OvsBridge bridge, String name, int tag, List<String> columns) {
        public PortSpec {
            Objects.requireNonNull(bridge, "bridge");
            Objects.requireNonNull(name, "name");
            columns = List.copyOf(columns);
            if (name.length() > OvsNames.DEVICE_NAME_MAX) {
                throw new IllegalArgumentException("port name '" + name + "' is longer than " + OvsNames.DEVICE_NAME_MAX);
            }
        }
    }

    public static SortedMap<String, PortSpec> of(HostState state) {
        LocalVlans vlans = state.vlans();
        TreeMap<String, PortSpec> ports = new TreeMap<>();
        for (VnicPort p : state.ports().values()) {
            String name = OvsNames.vnicDevice(p.id());
            requireUnique(ports, name, p.id().value());
            ports.put(name, new PortSpec(OvsBridge.INT, name, vlans.of(p.vni()), List.of(
                    "external_ids:iface-id=" + p.id().value(), "external_ids:attached-mac=" + p.mac())));
        }
        state.routers().values().forEach(r -> r.lifs().values().forEach(lif -> {
            String name = OvsNames.qrDevice(r.id(), lif.id());
            requireUnique(ports, name, r.id().value() + "/" + lif.id().value());
            ports.put(name, new PortSpec(OvsBridge.INT, name, vlans.of(lif.vni()), List.of(
                    "external_ids:iface-id=" + lif.id().value(), "external_ids:attached-mac=" + lif.vmac())));
        }));
        for (Ipv4Address vtep : FlowTranslator.tunnelVteps(state)) {
            String name = OvsNames.tunnelPort(vtep);
            List<String> columns = new ArrayList<>(List.of("type=vxlan", "options:remote_ip=" + vtep,
                    "options:local_ip=" + state.config().vtepIp(), "options:key=flow",
                    "options:dst_port=" + state.config().vxlanPort()));
            ports.put(name, new PortSpec(OvsBridge.TUN, name, 0, columns));
        }
        return ports;
    }

    /** Two things on one device name would silently share a port: refuse it loudly instead. */
    private static void requireUnique(SortedMap<String, PortSpec> ports, String name, String what) {
        if (ports.containsKey(name)) {
            throw new IllegalStateException("device name " + name + " of " + what + " is already taken on this host");
        }
    }
}
