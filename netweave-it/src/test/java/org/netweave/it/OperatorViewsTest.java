package org.netweave.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.cli.allinone.Hypervisor;
import org.netweave.cli.allinone.LabHost;
import org.netweave.model.MacAddress;

/**
 * The NSX-style operator views against the running seed scenario: what the owning controller
 * holds for VNI 5001 and the DLR, and what host A's datapath holds, each as NSX prints it.
 */
class OperatorViewsTest {
    @TempDir
    static Path dir;
    static SeedLab lab;
    static String vm2Mac;
    static LabHost hostA;
    static LabHost hostB;

    @BeforeAll
    static void start() throws Exception {
        lab = SeedLab.start(dir, "127.25.0.0");
        lab.awaitReplies(lab.vm2, org.netweave.cli.allinone.SeedScenario.SERVER_IP);
        vm2Mac = lab.lab.api().get("/vms/" + lab.vm2.value()).path("vnics").get(0).path("mac").asText();
        hostA = lab.lab.hosts().stream().filter(h -> h.id().equals(lab.seed.vm1Host())).findFirst().orElseThrow();
        hostB = lab.lab.hosts().stream().filter(h -> h.id().equals(lab.seed.vm2Host())).findFirst().orElseThrow();
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    @Test
    void theOwnerOfVni5001HoldsEveryHostsVtepVm2sBindingAndTheBridgedServer() {
        SeedLab.Run owner = lab.cli("show", "control-cluster", "logical-switches", "vni", "5001");
        assertThat(owner.exit()).as(owner.err()).isZero();
        assertThat(owner.out()).startsWith("VNI   Controller    BUM-Replication  ARP-Proxy  Connections  VTEPs")
                .containsPattern("5001 +controller-\\d +Unicast +Enabled +4 +4");
        String controller = owner.out().lines().skip(1).findFirst().orElseThrow().split(" +")[1];

        SeedLab.Run macs = lab.cli("show", "logical-switch", "controller", controller, "vni", "5001", "mac");
        SeedLab.Run arps = lab.cli("show", "logical-switch", "controller", controller, "vni", "5001", "arp");
        SeedLab.Run vteps = lab.cli("show", "logical-switch", "controller", controller, "vni", "5001", "vtep");
        SeedLab.Run connections = lab.cli("show", "logical-switch", "controller", controller, "vni", "5001", "connection");

        assertThat(macs.out()).containsPattern("5001 +" + vm2Mac + " +" + hostB.vtep().toString().replace(".", "\\.") + " ")
                .as("the physical server, reported by the bridge host").contains("00:11:22:33:44:55");
        assertThat(arps.out()).containsPattern("5001 +10\\.0\\.2\\.10 +" + vm2Mac);
        assertThat(vteps.out().lines().skip(1)).hasSize(4);
        assertThat(connections.out().lines().skip(1)).hasSize(4);
    }

    @Test
    void hostAHoldsVm2BehindHostBsVtepTheDlrRoutesAndItsNeighbours() {
        String host = hostA.id().value();
        SeedLab.Run macs = lab.cli("show", "logical-switch", "host", host, "vni", "5001", "mac");
        SeedLab.Run routes = lab.cli("show", "logical-router", "host", host, "dlr", lab.seed.dlr(), "route");
        SeedLab.Run lifs = lab.cli("show", "logical-router", "host", host, "dlr", lab.seed.dlr(), "interface");
        SeedLab.Run neighbours = lab.cli("show", "logical-router", "host", host, "dlr", lab.seed.dlr(), "arp");

        assertThat(macs.out()).containsPattern(vm2Mac + " +REMOTE_VTEP +" + hostB.vtep().toString().replace(".", "\\."));
        assertThat(routes.out()).containsPattern("10\\.0\\.1\\.0 +255\\.255\\.255\\.0 +0\\.0\\.0\\.0 +UCI")
                .containsPattern("10\\.0\\.2\\.0 +255\\.255\\.255\\.0 +0\\.0\\.0\\.0 +UCI");
        assertThat(lifs.out()).containsPattern("Vxlan:5000 +10\\.0\\.1\\.1/24 +02:50:56:56:44:52")
                .containsPattern("Vxlan:5001 +10\\.0\\.2\\.1/24 +02:50:56:56:44:52");
        assertThat(neighbours.out()).containsPattern("10\\.0\\.2\\.10 +" + vm2Mac + " +V ");
    }

    @Test
    void theMasterControllerHoldsTheDlrsForwardingTableAndJsonIsThereForScripts() {
        SeedLab.Run routes = lab.cli("show", "logical-router", "controller", "master", "dlr", lab.seed.dlr(), "route");
        SeedLab.Run json = lab.cli("show", "logical-router", "controller", "master", "dlr", lab.seed.dlr(), "route", "--json");

        assertThat(routes.exit()).as(routes.err()).isZero();
        assertThat(routes.out()).containsPattern("10\\.0\\.1\\.0 +255\\.255\\.255\\.0 +0\\.0\\.0\\.0 +UCI")
                .containsPattern("10\\.0\\.2\\.0 +255\\.255\\.255\\.0 +0\\.0\\.0\\.0 +UCI");
        assertThat(json.out().strip()).startsWith("{").contains("10.0.2.0");
    }

    /**
     * Seed 003's first step: each host's agent asked the manager for its DVR MAC (Neutron's
     * get_dvr_mac_address_by_host) and got the router MAC its datapath was prepared with, and
     * holds the other hosts' DVR MACs (get_dvr_mac_address_list).
     */
    @Test
    void everyHostAgentAskedForItsDvrMacAndKnowsTheOthers() {
        List<Hypervisor> hosts = lab.hosts();
        Set<MacAddress> all = new HashSet<>();
        hosts.forEach(h -> all.add(h.datapath().config().routerMac()));
        for (Hypervisor h : hosts) {
            MacAddress own = h.datapath().config().routerMac();
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                assertThat(h.agent().dvrMac()).as(h.host().id().value()).contains(own);
                assertThat(h.agent().peerDvrMacs()).as(h.host().id().value())
                        .containsExactlyInAnyOrderElementsOf(all.stream().filter(m -> !m.equals(own)).toList());
            });
        }
    }
}
