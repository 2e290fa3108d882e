package org.netweave.hostagent;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.netweave.proto.manager.v1.AgentHello;
import org.netweave.proto.manager.v1.NeutronPort;
import org.netweave.proto.manager.v1.NeutronRouter;
import org.netweave.proto.manager.v1.RouterInterface;
import org.netweave.proto.manager.v1.SubnetPortsRequest;

/**
 * The Neutron L2 (OVS) agent's DVR side (seed 003). It plugs the host's compute ports (what Nova
 * bound here: {@code get_devices_details_list} at start, then {@code port_add}/{@code port_delete}).
 * When the L3 agent plugs a distributed router port it asks for the local ports of that subnet
 * ({@code get_ports_on_host_by_subnet}) and puts them in the DVR flows of br-int and br-tun; a
 * new VM port on that subnet joins them, a deleted one leaves, and an unplugged router port
 * takes its flows with it.
 *
 * <p>Confined to the agents' thread.
 */
final class DvrL2Agent implements DvrL3Agent.RouterPorts {
    private final String host;
    private final NeutronCalls calls;
    private final Consumer<String> events;
    private final SortedMap<String, NeutronPort> devices = new TreeMap<>();
    /** Per distributed router port's subnet, the local ports in its DVR flows. */
    private final SortedMap<String, SortedSet<String>> dvrPorts = new TreeMap<>();

    DvrL2Agent(String host, NeutronCalls calls, Consumer<String> events) {
        this.host = host;
        this.calls = calls;
        this.events = events;
    }

    /** After (re)subscribing: the host's devices as the server knows them. */
    void syncDevices() {
        List<NeutronPort> ports = calls.stub().getDevicesOnHost(AgentHello.newBuilder().setHost(host).build()).getPortsList();
        devices.clear();
        ports.forEach(p -> devices.put(p.getId(), p));
        events.accept("l2: get_devices_details_list -> " + ports.size() + " ports bound here");
    }

    @Override
    public void plugged(NeutronRouter router, RouterInterface port) {
        List<NeutronPort> local = calls.stub().getPortsOnHostBySubnet(SubnetPortsRequest.newBuilder()
                .setSubnetId(port.getSubnetId()).setHost(host).build()).getPortsList();
        SortedSet<String> ids = new TreeSet<>();
        local.forEach(p -> ids.add(p.getId()));
        dvrPorts.put(port.getSubnetId(), ids);
        events.accept("l2: distributed router port " + port.getPortId() + " on br-int; get_ports_on_host_by_subnet "
                + port.getSubnetId() + " -> " + ids.size() + " local ports; DVR flows installed on br-int and br-tun");
    }

    @Override
    public void unplugged(NeutronRouter router, RouterInterface port) {
        SortedSet<String> ids = dvrPorts.remove(port.getSubnetId());
        events.accept("l2: distributed router port " + port.getPortId() + " gone; DVR flows of subnet "
                + port.getSubnetId() + " removed (" + (ids == null ? 0 : ids.size()) + " local ports)");
    }

    void portAdd(NeutronPort port) {
        if (!port.getHost().equals(host)) {
            return;
        }
        devices.put(port.getId(), port);
        SortedSet<String> flows = dvrPorts.get(port.getSubnetId());
        if (flows != null && flows.add(port.getId())) {
            events.accept("l2: port_add " + port.getId() + ": added to the DVR flows of subnet " + port.getSubnetId());
        } else {
            events.accept("l2: port_add " + port.getId() + ": plugged into br-int");
        }
    }

    void portDelete(NeutronPort port) {
        if (devices.remove(port.getId()) == null) {
            return;
        }
        SortedSet<String> flows = dvrPorts.get(port.getSubnetId());
        if (flows != null && flows.remove(port.getId())) {
            events.accept("l2: port_delete " + port.getId() + ": removed from the DVR flows of subnet " + port.getSubnetId());
        } else {
            events.accept("l2: port_delete " + port.getId() + ": unplugged from br-int");
        }
    }

    SortedMap<String, NeutronPort> devices() {
        return Collections.unmodifiableSortedMap(devices);
    }

    /** Per subnet with a distributed router port here, the local ports in its DVR flows. */
    Map<String, SortedSet<String>> dvrPorts() {
        Map<String, SortedSet<String>> copy = new TreeMap<>();
        dvrPorts.forEach((subnet, ids) -> copy.put(subnet, Collections.unmodifiableSortedSet(new TreeSet<>(ids))));
        return Collections.unmodifiableMap(copy);
    }
}
