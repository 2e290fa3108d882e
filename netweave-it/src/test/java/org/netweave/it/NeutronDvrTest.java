package org.netweave.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.netweave.it.NeutronCalls.ip;
import static org.netweave.it.NeutronCalls.mac;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.cli.allinone.Hypervisor;
import org.netweave.dataplane.emulated.PingResult;
import org.netweave.dataplane.emulated.EmulatedEndpoint;
import org.netweave.hostagent.DesiredDlrTables;
import org.netweave.hostagent.DesiredSwitchTables;
import org.netweave.model.DlrId;
import org.netweave.model.EndpointId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.MacAddress;
import org.netweave.model.PortId;
import org.netweave.model.Vni;

/**
 * Seed 003 end to end on the all-in-one: a distributed router made through the Neutron API is
 * realised by the hosts' L3 and L2 agents — routers_updated to the hosts with ports on its
 * subnets, the router port plugged, the subnet's ports as static ARP entries, the local ports in
 * the DVR flows — and routes between VMs on two hosts; port_add, port_delete and
 * remove_router_interface undo exactly what they should.
 */
class NeutronDvrTest {
    @TempDir
    Path dir;
    SeedLab lab;
    NeutronCalls neutron;

    @BeforeEach
    void start() throws Exception {
        lab = SeedLab.start(dir, "127.29.0.0");
        neutron = new NeutronCalls(lab.lab.apiUrl(), lab.lab.apiToken().orElseThrow());
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    @Test
    void aDistributedRouterIsRealisedByTheAgentsOfTheHostsWithPortsOnItsSubnets() throws Exception {
        Hypervisor a = lab.host(lab.seed.vm1Host());
        Hypervisor b = lab.host(lab.seed.vm2Host());
        String netA = neutron.network("dvr-a");
        String subnetA = neutron.subnet(netA, "10.40.1.0/24");
        String netB = neutron.network("dvr-b");
        String subnetB = neutron.subnet(netB, "10.40.2.0/24");
        String routerId = neutron.distributedRouter("dvr");
        DlrId dlr = neutron.dlrOf(routerId);
        JsonNode vmA = neutron.vmPort(netA, a.host().id());
        JsonNode vmB = neutron.vmPort(netB, b.host().id());
        Vni vniA = neutron.vniOf(netA);
        Vni vniB = neutron.vniOf(netB);

        neutron.addInterface(routerId, subnetA);
        neutron.addInterface(routerId, subnetB);

        await().atMost(SeedLab.CONVERGE).untilAsserted(() -> {
            for (Hypervisor host : List.of(a, b)) {
                DesiredDlrTables installed = host.agent().installed().dlrs().get(dlr);
                assertThat(installed).as("the router on %s", host.host().id()).isNotNull();
                assertThat(installed.lifs()).hasSize(2);
                assertThat(arps(host, vniA)).containsEntry(ip(vmA), mac(vmA));
                assertThat(arps(host, vniB)).containsEntry(ip(vmB), mac(vmB));
                // The L3 agent's own entries (the controllers know these bindings too, from the hosts' joins).
                assertThat(host.agent().neutronRouting().staticArps().get(vniA)).containsEntry(ip(vmA), mac(vmA));
                assertThat(host.agent().neutronRouting().staticArps().get(vniB)).containsEntry(ip(vmB), mac(vmB));
            }
        });
        assertThat(a.agent().neutronEvents()).anyMatch(e -> e.startsWith("l3: routers_updated [" + routerId))
                .anyMatch(e -> e.startsWith("l3: sync_routers"))
                .anyMatch(e -> e.contains("plugged") && e.contains("into br-int"))
                .anyMatch(e -> e.startsWith("l3: get_ports_by_subnet " + subnetA + " -> 1 ports"))
                .anyMatch(e -> e.contains("get_ports_on_host_by_subnet " + subnetA + " -> 1 local ports"));
        assertThat(a.agent().neutronRouting().dvrPorts().get(subnetA)).containsExactly(vmA.get("id").asText());
        // Hosts without a port on the router's subnets hold nothing of it.
        lab.hosts().stream().filter(h -> h != a && h != b)
                .forEach(h -> assertThat(h.agent().installed().dlrs()).doesNotContainKey(dlr));

        // Nova boots the VMs: each guest on its port, routed by the router on its own host.
        EmulatedEndpoint guestA = boot(a, vmA, "10.40.1.1");
        boot(b, vmB, "10.40.2.1");
        await().atMost(SeedLab.CONVERGE).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> guestA.ping(ip(vmB), 1, 0, 1_000).get().allReplied());
        PingResult ping = guestA.ping(ip(vmB), 5, 20, 2_000).get();
        SeedLab.assertAllReplied(ping, "VM A -> VM B through the distributed router");

        // A new VM port on subnet A, bound to host B: port_add to both L3 agents, and host B's L2 agent adds it.
        JsonNode vmC = neutron.vmPort(netA, b.host().id());
        String c = vmC.get("id").asText();
        await().atMost(SeedLab.CONVERGE).untilAsserted(() -> {
            assertThat(arps(a, vniA)).containsEntry(ip(vmC), mac(vmC));
            assertThat(a.agent().neutronRouting().staticArps().get(vniA)).containsEntry(ip(vmC), mac(vmC));
            assertThat(b.agent().neutronRouting().dvrPorts().get(subnetA)).contains(c);
        });
        assertThat(a.agent().neutronEvents()).anyMatch(e -> e.startsWith("l3: port_add " + c + ": static ARP " + ip(vmC)));
        assertThat(b.agent().neutronEvents()).anyMatch(e -> e.equals("l2: port_add " + c + ": added to the DVR flows of subnet " + subnetA));

        // Deleting it undoes exactly that.
        neutron.delete("/v2.0/ports/" + c);
        await().atMost(SeedLab.CONVERGE).untilAsserted(() -> {
            assertThat(arps(a, vniA)).doesNotContainKey(ip(vmC)).containsEntry(ip(vmA), mac(vmA));
            assertThat(a.agent().neutronRouting().staticArps().get(vniA)).doesNotContainKey(ip(vmC));
            assertThat(b.agent().neutronRouting().dvrPorts().get(subnetA)).doesNotContain(c);
        });
        assertThat(a.agent().neutronEvents()).anyMatch(e -> e.startsWith("l3: port_delete " + c + ": static ARP " + ip(vmC) + " removed"));

        // Removing subnet B's interface: host A unplugs it; host B, with no port left on the router's subnets, drops the router.
        neutron.removeInterface(routerId, subnetB);
        await().atMost(SeedLab.CONVERGE).untilAsserted(() -> {
            assertThat(a.agent().installed().dlrs().get(dlr).lifs()).hasSize(1);
            assertThat(b.agent().installed().dlrs()).doesNotContainKey(dlr);
            assertThat(arps(a, vniB)).doesNotContainKey(ip(vmB));
            assertThat(a.agent().neutronRouting().staticArps()).doesNotContainKey(vniB);
        });
        assertThat(b.agent().neutronEvents()).anyMatch(e -> e.startsWith("l3: router_removed " + routerId));
        assertThat(a.agent().neutronEvents()).anyMatch(e -> e.contains("unplugged") && e.contains("1 static ARP entries removed"));
    }

    /** The ARP bindings the host's agent installed on a logical switch (the router's static ARP entries among them). */
    private static java.util.Map<Ipv4Address, MacAddress> arps(Hypervisor host, Vni vni) {
        DesiredSwitchTables tables = host.agent().installed().switches().get(vni);
        return tables == null ? java.util.Map.of() : tables.arps();
    }

    private static EmulatedEndpoint boot(Hypervisor host, JsonNode port, String gateway) {
        EmulatedEndpoint guest = new EmulatedEndpoint(EndpointId.of("guest-" + port.get("id").asText().substring(0, 8)),
                mac(port), new Ipv4InterfaceAddress(ip(port), 24), Ipv4Address.parse(gateway));
        host.datapath().plug(PortId.of(port.get("id").asText() + ".000"), guest);
        return guest;
    }
}
