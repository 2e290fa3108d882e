package org.netweave.ovs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.netweave.dataplane.Bridge;
import org.netweave.dataplane.VnicPort;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;

/**
 * The OVS ports a host's state needs besides the fixed patch pair: VM ports and qr- ports on
 * br-int, each an access port of its VNI's local VLAN; one VXLAN port per remote VTEP on br-tun;
 * and for each bridge instance a patch pair between br-int and the physical bridge, an access
 * port at each end (the VNI's local VLAN on br-int, the bridged VLAN on the physical bridge), so
 * that the pair itself translates one VLAN into the other. Pure, like the flows.
 */
public final class PortPlan {
    private PortPlan() {
    }

    /**
     * One port. A changed spec is applied by deleting and re-adding the port.
     *
     * @param bridge  the bridge's device name
     * @param tag     the VLAN of an access port; 0 for a trunk (br-tun's ports)
     * @param columns extra ovs-vsctl "set interface" settings, e.g. {@code type=vxlan}
     */
    public record PortSpec(String bridge, String name, int tag, List<String> columns) {
        public PortSpec {
            Objects.requireNonNull(bridge, "bridge");
            Objects.requireNonNull(name, "name");
            columns = List.copyOf(columns);
            if (name.length() > OvsNames.DEVICE_NAME_MAX) {
                throw new IllegalArgumentException("port name '" + name + "' is longer than " + OvsNames.DEVICE_NAME_MAX);
            }
        }
    }

    /**
     * @param physicalBridge the bridge holding the uplink to the VLANs (Neutron's bridge_mappings),
     *                       or empty when this host has none; a bridge instance needs it
     * @throws InvalidValueException when the state bridges a VLAN and there is no physical bridge
     */
    public static SortedMap<String, PortSpec> of(HostState state, Optional<String> physicalBridge) {
        LocalVlans vlans = state.vlans();
        TreeMap<String, PortSpec> ports = new TreeMap<>();
        for (VnicPort p : state.ports().values()) {
            String name = OvsNames.vnicDevice(p.id());
            requireUnique(ports, name, p.id().value());
            ports.put(name, new PortSpec(OvsBridge.INT.deviceName(), name, vlans.of(p.vni()), List.of(
                    "external_ids:iface-id=" + p.id().value(), "external_ids:attached-mac=" + p.mac())));
        }
        state.routers().values().forEach(r -> r.lifs().values().forEach(lif -> {
            String name = OvsNames.qrDevice(r.id(), lif.id());
            requireUnique(ports, name, r.id().value() + "/" + lif.id().value());
            ports.put(name, new PortSpec(OvsBridge.INT.deviceName(), name, vlans.of(lif.vni()), List.of(
                    "external_ids:iface-id=" + lif.id().value(), "external_ids:attached-mac=" + lif.vmac())));
        }));
        for (Ipv4Address vtep : FlowTranslator.tunnelVteps(state)) {
            String name = OvsNames.tunnelPort(vtep);
            List<String> columns = new ArrayList<>(List.of("type=vxlan", "options:remote_ip=" + vtep,
                    "options:local_ip=" + state.config().vtepIp(), "options:key=flow",
                    "options:dst_port=" + state.config().vxlanPort()));
            ports.put(name, new PortSpec(OvsBridge.TUN.deviceName(), name, 0, columns));
        }
        for (Bridge b : state.bridges().values()) {
            String phy = physicalBridge.orElseThrow(() -> new InvalidValueException("bridge", b.id(),
                    "needs a physical bridge holding the uplink to reach VLAN " + b.vlan().value() + ", and this host has none"));
            String intSide = OvsNames.bridgeIntPatch(b.vlan());
            String phySide = OvsNames.bridgePhyPatch(b.vlan());
            ports.put(intSide, new PortSpec(OvsBridge.INT.deviceName(), intSide, vlans.of(b.vni()),
                    List.of("type=patch", "options:peer=" + phySide)));
            ports.put(phySide, new PortSpec(phy, phySide, b.vlan().value(), List.of("type=patch", "options:peer=" + intSide)));
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
