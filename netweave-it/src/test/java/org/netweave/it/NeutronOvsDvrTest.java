package org.netweave.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.netweave.it.NeutronCalls.ip;
import static org.netweave.it.NeutronCalls.mac;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.cli.allinone.AllInOne;
import org.netweave.cli.allinone.AllInOneSettings;
import org.netweave.cli.allinone.LabDatapath;
import org.netweave.cli.allinone.OvsHypervisors;
import org.netweave.cli.allinone.OvsHypervisors.OvsHypervisor;
import org.netweave.model.DlrId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.PortId;
import org.netweave.ovs.FlowDump;
import org.netweave.ovs.IntStage;
import org.netweave.ovs.NamespaceLab;
import org.netweave.ovs.OvsBridge;
import org.netweave.ovs.OvsCommandException;
import org.netweave.ovs.TunStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seed 003 on real Open vSwitch: the same Neutron calls as {@link NeutronDvrTest}, with the L3 and
 * L2 agents realising them on hosts that are namespaces with their own ovs-vswitchd. What each
 * agent did is read back from the system, not from the agent: the qrouter namespace and its qr-
 * devices, the static ARP entries as PERMANENT neighbours there, the DVR flows as the switch dumps
 * them, and real {@code ping}s between guest namespaces routed on their own host. Needs root and
 * openvswitch-switch; without them it is skipped with the reason (and fails instead under
 * NETWEAVE_REQUIRE_ALL_TESTS=1, as in CI).
 */
class NeutronOvsDvrTest {
    private static final Logger LOG = LoggerFactory.getLogger(NeutronOvsDvrTest.class);

    @TempDir
    Path dir;
    AllInOne lab;
    OvsHypervisors hosts;
    NamespaceLab namespaces;
    NeutronCalls neutron;

    @BeforeEach
    void start() throws Exception {
        SeedLab.requireOvs("NeutronOvsDvrTest");
        AllInOneSettings settings = AllInOneSettings.defaults(dir, line -> LOG.info("lab: {}", line)).withApiPort(0)
                .withHosts(3).forTests(Ipv4Address.parse("127.29.0.0"), SeedLab.FAST_HA).withDatapath(LabDatapath.ovs);
        lab = AllInOne.start(settings);
        hosts = lab.ovsHypervisors();
        namespaces = hosts.namespaces();
        neutron = new NeutronCalls(lab.apiUrl(), lab.apiToken().orElseThrow());
        // Neutron networks go into the only transport zone; a segment pool gives their VNIs.
        lab.api().post("/segment-pools", "{\"name\":\"segments\",\"begin\":5000,\"end\":5999}");
        String clusters = String.join("\",\"", lab.api().get("/clusters").findValuesAsText("id"));
        lab.api().post("/transport-zones", "{\"name\":\"tz-1\",\"replicationMode\":\"UNICAST\",\"clusterIds\":[\""
                + clusters + "\"]}");
    }

    @AfterEach
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void theAgentsBuildTheRouterNamespacesNeighboursAndDvrFlowsOnOpenVswitch() {
        OvsHypervisor a = hosts.hypervisor(lab.hosts().get(0).id());
        OvsHypervisor b = hosts.hypervisor(lab.hosts().get(1).id());
        OvsHypervisor idle = hosts.hypervisor(lab.hosts().get(2).id());
        String netA = neutron.network("dvr-a");
        String subnetA = neutron.subnet(netA, "10.40.1.0/24");
        String netB = neutron.network("dvr-b");
        String subnetB = neutron.subnet(netB, "10.40.2.0/24");
        String routerId = neutron.distributedRouter("dvr");
        DlrId dlr = neutron.dlrOf(routerId);

        // Nova binds each port to its host, then plugs the VM's tap device there.
        JsonNode vmA = neutron.vmPort(netA, a.host().id());
        JsonNode vmB = neutron.vmPort(netB, b.host().id());
        boot("vm-a", a, vmA, "10.40.1.1");
        boot("vm-b", b, vmB, "10.40.2.1");
        neutron.addInterface(routerId, subnetA);
        neutron.addInterface(routerId, subnetB);

        await().atMost(SeedLab.CONVERGE).ignoreException(OvsCommandException.class).untilAsserted(() -> {
            for (OvsHypervisor host : List.of(a, b)) {
                String qrouter = host.datapath().routerNamespace(dlr);
                // The L3 agent plugged one qr- device per subnet, carrying the gateway address ...
                assertThat(namespaces.in(qrouter, "ip", "-o", "-4", "addr", "show"))
                        .as("qr- devices in %s", qrouter).contains("10.40.1.1/24").contains("10.40.2.1/24");
                // ... and made every port of the router's subnets a static ARP entry.
                assertThat(permanentNeighbours(qrouter)).contains(ip(vmA) + " " + mac(vmA), ip(vmB) + " " + mac(vmB));
            }
            // The L2 agents put their local ports into the DVR flows: routed frames to them get the gateway MAC as source.
            assertThat(flows(a, OvsBridge.INT)).anyMatch(f -> f.stage() == IntStage.DVR_TO_SRC_MAC
                    && f.match().contains("dl_dst=" + mac(vmA)));
            assertThat(flows(b, OvsBridge.INT)).anyMatch(f -> f.stage() == IntStage.DVR_TO_SRC_MAC
                    && f.match().contains("dl_dst=" + mac(vmB)));
            // br-tun sends frames from the other host's DVR MAC straight to br-int, unlearned.
            assertThat(flows(a, OvsBridge.TUN)).anyMatch(f -> f.stage() == TunStage.DVR_NOT_LEARN
                    && f.match().contains("dl_src=" + b.host().routerMac()));
        });
        assertThat(routerNamespaceExists(idle, dlr)).as("a host without ports on the router's subnets has no qrouter").isFalse();
        assertThat(idle.agent().neutronEvents()).noneMatch(e -> e.contains(routerId));
        assertThat(a.agent().neutronEvents()).anyMatch(e -> e.startsWith("l3: routers_updated [" + routerId))
                .anyMatch(e -> e.contains("plugged") && e.contains("into br-int"));

        // Routed on host A by its copy of the router: one hop, TTL 64 arrives as 63.
        awaitReplies("vm-a", ip(vmB));
        assertThat(namespaces.ping("vm-a", ip(vmB), 3, Duration.ofMillis(20), Duration.ofSeconds(2)))
                .contains("3 received").contains("ttl=63");

        // A new VM on subnet A, on host B: port_add gives host A's qrouter its ARP entry, and host B's L2 agent its flow.
        JsonNode vmC = neutron.vmPort(netA, b.host().id());
        String c = vmC.get("id").asText();
        boot("vm-c", b, vmC, "10.40.1.1");
        await().atMost(SeedLab.CONVERGE).ignoreException(OvsCommandException.class).untilAsserted(() -> {
            assertThat(permanentNeighbours(a.datapath().routerNamespace(dlr))).contains(ip(vmC) + " " + mac(vmC));
            assertThat(flows(b, OvsBridge.INT)).anyMatch(f -> f.stage() == IntStage.DVR_TO_SRC_MAC
                    && f.match().contains("dl_dst=" + mac(vmC)));
        });
        // vm-b to vm-c is routed on host B, where both run.
        awaitReplies("vm-b", ip(vmC));
        assertThat(namespaces.ping("vm-b", ip(vmC), 3, Duration.ofMillis(20), Duration.ofSeconds(2)))
                .contains("3 received").contains("ttl=63");

        // Nova deletes the VM and its port: exactly that entry and that flow go.
        namespaces.removeGuest("vm-c");
        neutron.delete("/v2.0/ports/" + c);
        await().atMost(SeedLab.CONVERGE).ignoreException(OvsCommandException.class).untilAsserted(() -> {
            assertThat(permanentNeighbours(a.datapath().routerNamespace(dlr)))
                    .doesNotContain(ip(vmC) + " " + mac(vmC)).contains(ip(vmA) + " " + mac(vmA));
            assertThat(flows(b, OvsBridge.INT)).noneMatch(f -> f.match().contains(mac(vmC).toString()))
                    .anyMatch(f -> f.stage() == IntStage.DVR_TO_SRC_MAC && f.match().contains("dl_dst=" + mac(vmB)));
        });

        // Removing subnet B's interface: host A unplugs its qr- device; host B, with no port left on the
        // router's subnets, removes the whole qrouter namespace.
        neutron.removeInterface(routerId, subnetB);
        await().atMost(SeedLab.CONVERGE).ignoreException(OvsCommandException.class).untilAsserted(() -> {
            assertThat(routerNamespaceExists(b, dlr)).as("host B's qrouter").isFalse();
            String qrouter = a.datapath().routerNamespace(dlr);
            assertThat(namespaces.in(qrouter, "ip", "-o", "-4", "addr", "show")).contains("10.40.1.1/24")
                    .doesNotContain("10.40.2.1/24");
            assertThat(permanentNeighbours(qrouter)).doesNotContain(ip(vmB) + " " + mac(vmB));
            assertThat(flows(a, OvsBridge.INT)).noneMatch(f -> f.stage() == IntStage.DVR_TO_SRC_MAC
                    && f.match().contains("dl_dst=" + mac(vmB)));
        });
        assertThat(namespaces.ping("vm-a", ip(vmB), 1, Duration.ZERO, Duration.ofSeconds(1)))
                .as("subnet B is no longer routed").contains("0 received");
    }

    /** A guest namespace on the port's tap device, as Nova's VIF plugging leaves it. */
    private void boot(String guest, OvsHypervisor host, JsonNode port, String gateway) {
        namespaces.addGuest(guest, host.host().name(), PortId.of(port.get("id").asText() + ".000"), mac(port),
                new Ipv4InterfaceAddress(ip(port), 24), Ipv4Address.parse(gateway));
    }

    private void awaitReplies(String guest, Ipv4Address target) {
        await().atMost(SeedLab.CONVERGE).pollInterval(Duration.ofMillis(200))
                .until(() -> namespaces.ping(guest, target, 1, Duration.ZERO, Duration.ofSeconds(1)).contains("1 received"));
    }

    /** The namespace's PERMANENT neighbours as "IP MAC". */
    private List<String> permanentNeighbours(String ns) {
        return namespaces.in(ns, "ip", "neigh", "show", "nud", "permanent").lines()
                .map(line -> line.split(" "))
                .filter(words -> words.length >= 5 && words[3].equals("lladdr"))
                .map(words -> words[0] + " " + words[4])
                .toList();
    }

    private static List<FlowDump.Entry> flows(OvsHypervisor host, OvsBridge bridge) {
        return host.datapath().dumpFlows(bridge);
    }

    private static boolean routerNamespaceExists(OvsHypervisor host, DlrId dlr) {
        return Files.exists(Path.of("/run/netns", host.datapath().routerNamespace(dlr)));
    }
}
