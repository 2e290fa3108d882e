package org.netweave.cli.allinone;

import java.io.Closeable;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.netweave.dataplane.emulated.EmulatedEndpoint;
import org.netweave.manager.hosttables.HostTablesSource;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.MacAddress;
import org.netweave.model.VlanId;
import org.netweave.pki.TransportSecurity;

/**
 * The lab's hypervisors, each a datapath with a host agent, and the physical network between
 * them: emulated ({@link EmulatedHypervisors}) or on real Open vSwitch ({@link OvsHypervisors}).
 */
public sealed interface LabHypervisors extends HostTablesSource, Closeable permits EmulatedHypervisors, OvsHypervisors {

    /**
     * Starts a datapath and an agent for every host; the agents connect to the manager's southbound
     * port and the controllers with the transport {@code security} gives each host.
     */
    void start(List<LabHost> prepared, int southboundPort, Function<HostId, TransportSecurity> security, int vxlanPort);

    /** The guest a VM's vNIC runs, not yet started. */
    GuestMachine guest(GuestSpec spec);

    /**
     * Plugs a physical server into the physical network, on {@code vlan} of the top-of-rack
     * switch; the emulated endpoint, where the server is one.
     */
    Optional<EmulatedEndpoint> plugPhysicalServer(String name, MacAddress mac, Ipv4InterfaceAddress address,
                                                  Ipv4Address gateway, VlanId vlan);

    @Override
    void close();
}
