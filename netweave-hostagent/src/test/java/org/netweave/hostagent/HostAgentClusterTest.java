package org.netweave.hostagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.controller.client.ControllerChannels;
import org.netweave.controller.client.ControllerWriter;
import org.netweave.controller.embedded.EmbeddedControllerCluster;
import org.netweave.controller.owner.WireTranslation;
import org.netweave.controller.runtime.VniPlacement;
import org.netweave.controller.slice.SliceSpace;
import org.netweave.controller.zk.ZkTuning;
import org.netweave.dataplane.DatapathTables;
import org.netweave.dataplane.DatapathTables.MacLocation;
import org.netweave.dataplane.HostDatapathConfig;
import org.netweave.dataplane.emulated.EmulatedEndpoint;
import org.netweave.dataplane.emulated.EmulatedHost;
import org.netweave.dataplane.emulated.EmulatedUnderlay;
import org.netweave.dataplane.emulated.PingResult;
import org.netweave.model.DlrId;
import org.netweave.model.EndpointId;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.MacAddress;
import org.netweave.model.PortId;
import org.netweave.model.Vni;
import org.netweave.proto.controller.v1.Lif;
import org.netweave.proto.controller.v1.ReplicationMode;
import org.netweave.proto.controller.v1.Route;
import org.netweave.proto.manager.v1.DlrInstanceConfig;
import org.netweave.proto.manager.v1.HostConfig;
import org.netweave.proto.manager.v1.LogicalSwitchConfig;
import org.netweave.proto.manager.v1.VnicConfig;

/**
 * Seed 001 through the whole host side: a one-node controller cluster holding the DLR the
 * manager created, two host agents with emulated datapaths on their own loopback VTEPs, VM1 on
 * host A (VNI 5000) and VM2 on host B (VNI 5001). The agents join the VNIs with their VMs'
 * bindings, install the DLR and the owners' tables, and VM1 pings VM2 through the routed path.
 * With the controller gone the hosts say so and go on forwarding with what they hold.
 */
@Tag("embedded-zookeeper")
class HostAgentClusterTest {
    private static final ZkTuning FAST = ZkTuning.ofTick(Duration.ofMillis(200));
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final DlrId DLR = DlrId.of("edge-seed");
    private static final HostId HOST_A = HostId.of("host-a");
    private static final HostId HOST_B = HostId.of("host-b");
    private static final Ipv4Address VTEP_A = Ipv4Address.parse("127.0.1.11");
    private static final Ipv4Address VTEP_B = Ipv4Address.parse("127.0.1.12");
    private static final MacAddress VMAC = MacAddress.parse("02:50:56:56:44:52");
    private static final MacAddress VM1_MAC = MacAddress.parse("00:50:56:00:01:0a");
    private static final MacAddress VM2_MAC = MacAddress.parse("00:50:56:00:02:0a");
    private static final Ipv4Address VM2_IP = Ipv4Address.parse("10.0.2.10");

    @TempDir
    Path dataDir;
    private EmbeddedControllerCluster cluster;
    private ControllerChannels channels;
    private FakeManager manager;
    private ManagedChannel managerChannel;
    private EmulatedHost datapathA;
    private EmulatedHost datapathB;
    private HostAgent agentA;
    private HostAgent agentB;
    private EmulatedEndpoint vm1;

    @BeforeEach
    void seed() throws Exception {
        cluster = EmbeddedControllerCluster.start(1, dataDir, FAST, Duration.ofSeconds(2));
        channels = new ControllerChannels();
        createTheDlrAsTheManagerWould(new ControllerWriter(cluster.hostAddresses(), channels, SliceSpace.DEFAULT, WAIT));

        String name = "manager-" + System.nanoTime();
        manager = FakeManager.start(name);
        managerChannel = InProcessChannelBuilder.forName(name).build();
        datapathA = new EmulatedHost(datapathConfig(HOST_A, VTEP_A, 1));
        datapathB = new EmulatedHost(datapathConfig(HOST_B, VTEP_B, 2));
        vm1 = plug(datapathA, "vm1", VM1_MAC, "10.0.1.10/24", "10.0.1.1");
        plug(datapathB, "vm2", VM2_MAC, "10.0.2.10/24", "10.0.2.1");
        agentA = new HostAgent(HOST_A, managerChannel, channels, SliceSpace.DEFAULT, datapathA);
        agentB = new HostAgent(HOST_B, managerChannel, channels, SliceSpace.DEFAULT, datapathB);
        agentA.start();
        agentB.start();
        manager.push(config(HOST_A, VTEP_A, 1, vnic("vm1", VM1_MAC, "10.0.1.10", 5000)));
        manager.push(config(HOST_B, VTEP_B, 1, vnic("vm2", VM2_MAC, "10.0.2.10", 5001)));
    }

    @AfterEach
    void tearDown() {
        agentA.close();
        agentB.close();
        datapathA.close();
        datapathB.close();
        managerChannel.shutdownNow();
        manager.close();
        channels.close();
        cluster.close();
    }

    @Test
    void bothHostsInstallTheDlrAndTheOwnersTablesAndVm1PingsVm2ThroughTheRoutedPath() throws Exception {
        awaitInSync();

        for (EmulatedHost host : List.of(datapathA, datapathB)) {
            DatapathTables.RouterTable router = host.tables().router(DLR);
            assertThat(router.lifs()).extracting(lif -> lif.id() + " " + lif.vni() + " " + lif.address() + " " + lif.vmac())
                    .as("the DLR on %s", host.config().hostId())
                    .containsExactly("lif-1 5000 10.0.1.1/24 02:50:56:56:44:52", "lif-2 5001 10.0.2.1/24 02:50:56:56:44:52");
            assertThat(router.routes()).extracting(r -> r.prefix() + " " + r.lif() + " " + r.flags())
                    .contains("10.0.1.0/24 lif-1 UCI", "10.0.2.0/24 lif-2 UCI", "0.0.0.0/0 lif-1 UG");
        }
        DatapathTables.MacEntry vm2AtA = datapathA.tables().logicalSwitch(5001).mac(VM2_MAC);
        assertThat(vm2AtA.location()).isEqualTo(MacLocation.REMOTE_VTEP);
        assertThat(vm2AtA.where()).contains(VTEP_B.toString());
        assertThat(datapathA.tables().logicalSwitch(5001).arp()).containsEntry(VM2_IP, VM2_MAC);
        assertThat(manager.latestReport(HOST_A)).hasValueSatisfying(r -> assertThat(r.getAppliedGeneration()).isEqualTo(1));

        PingResult ping = vm1.ping(VM2_IP, 3, 10, 2_000).get(10, TimeUnit.SECONDS);

        assertThat(ping.allReplied()).as("VM1 gets its echo replies from VM2").isTrue();
        assertThat(ping.replyTtl()).as("the reply crossed exactly one router").isEqualTo(63);
        assertThat(datapathA.counters().routed()).as("host A routes the requests").isEqualTo(3);
        assertThat(datapathB.counters().routed()).as("host B routes the replies").isEqualTo(3);
    }

    @Test
    void aBindingTheHostLacksIsAnsweredByTheVnisOwner() {
        awaitInSync();
        OwnerArpResolver resolver = agentA.arpResolver();
        Vni app = Vni.of(5001);

        assertThat(resolver.resolve(app, VM2_IP)).as("the first miss asks the owner and answers unknown now").isNull();

        await().atMost(WAIT).until(() -> resolver.pending() == 0);
        assertThat(resolver.resolve(app, VM2_IP)).as("the owner's answer, at the retry").isEqualTo(VM2_MAC);
        assertThat(resolver.answers()).as("handed to the datapath once; it keeps it").isZero();
        Ipv4Address nobody = Ipv4Address.parse("10.0.2.77");
        assertThat(resolver.resolve(app, nobody)).isNull();
        await().atMost(WAIT).until(() -> resolver.pending() == 0);
        assertThat(resolver.answers()).as("the owner knows nobody at " + nobody).isZero();
    }

    @Test
    void withTheControllerGoneTheHostsAreOutOfSyncAndForwardWithTheTablesTheyHold() throws Exception {
        awaitInSync();
        DatapathTables beforeA = datapathA.tables();
        DatapathTables beforeB = datapathB.tables();
        List<String> installedA = agentA.installed().lines();

        cluster.kill(cluster.ids().getFirst());

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(agentA.view().controlPlaneInSync()).as("host A: control plane out of sync").isFalse();
            assertThat(agentB.view().controlPlaneInSync()).as("host B: control plane out of sync").isFalse();
        });
        assertThat(agentA.installed().lines()).isEqualTo(installedA);
        assertThat(datapathA.tables()).isEqualTo(beforeA);
        assertThat(datapathB.tables()).isEqualTo(beforeB);
        assertThat(vm1.ping(VM2_IP, 1, 0, 2_000).get(10, TimeUnit.SECONDS).allReplied())
                .as("headless: forwarding goes on").isTrue();
    }

    @Test
    void whenTheControllerIsBackTheHostsAreInSyncAgainWithTheSameTables() throws Exception {
        awaitInSync();
        List<String> installedA = agentA.installed().lines();
        List<String> installedB = agentB.installed().lines();
        var controller = cluster.ids().getFirst();
        cluster.kill(controller);
        await().atMost(WAIT).until(() -> !agentA.view().controlPlaneInSync() && !agentB.view().controlPlaneInSync());

        cluster.restart(controller);

        awaitInSync();
        assertThat(agentA.installed().lines()).isEqualTo(installedA);
        assertThat(agentB.installed().lines()).isEqualTo(installedB);
        assertThat(vm1.ping(VM2_IP, 1, 0, 2_000).get(10, TimeUnit.SECONDS).allReplied()).isTrue();
    }

    @Test
    void aRestartedAgentResyncsTheSameTablesIntoTheDatapathItFindsAndReportsAgain() throws Exception {
        awaitInSync();
        List<String> installedA = agentA.installed().lines();
        DatapathTables tablesA = datapathA.tables();
        agentA.close();

        agentA = new HostAgent(HOST_A, managerChannel, channels, SliceSpace.DEFAULT, datapathA);
        agentA.start();

        awaitInSync();
        assertThat(agentA.installed().lines()).isEqualTo(installedA);
        assertThat(datapathA.tables().routers()).isEqualTo(tablesA.routers());
        assertThat(datapathA.tables().ports()).isEqualTo(tablesA.ports());
        assertThat(vm1.ping(VM2_IP, 1, 0, 2_000).get(10, TimeUnit.SECONDS).allReplied()).isTrue();
    }

    @Test
    void aDisconnectedVnicIsDetachedOnceItsGenerationIsReportedAndTheLifsSwitchStays() {
        awaitInSync();

        manager.push(config(HOST_B, VTEP_B, 2, vnic("vm2", VM2_MAC, "10.0.2.10", 5001).setConnected(false)));

        await().atMost(WAIT).untilAsserted(() -> assertThat(manager.latestReport(HOST_B))
                .hasValueSatisfying(r -> assertThat(r.getAppliedGeneration()).isEqualTo(2)));
        assertThat(datapathB.tables().ports()).isEmpty();
        assertThat(datapathB.tables().router(DLR).lifs()).as("the DLR still needs VNI 5001").hasSize(2);
    }

    // ---- the manager's side ----

    private static void createTheDlrAsTheManagerWould(ControllerWriter writer) {
        assertThat(writer.createLogicalSwitch(Vni.of(5000), "web", ReplicationMode.UNICAST, true).hasApplied()).isTrue();
        assertThat(writer.createLogicalSwitch(Vni.of(5001), "app", ReplicationMode.UNICAST, true).hasApplied()).isTrue();
        // Both hosts hold the DLR, so both join both VNIs; each has its VM on one.
        assertThat(writer.putVniPlacement(Vni.of(5000), WireTranslation.toWire(VniPlacement.builder()
                .port(HOST_A, VM1_MAC, Ipv4Address.parse("10.0.1.10")).host(HOST_B).build())).hasApplied()).isTrue();
        assertThat(writer.putVniPlacement(Vni.of(5001), WireTranslation.toWire(VniPlacement.builder()
                .port(HOST_B, VM2_MAC, VM2_IP).host(HOST_A).build())).hasApplied()).isTrue();
        assertThat(writer.createDlr(DLR, "default+" + DLR, List.of("control-vm-1")).hasApplied()).isTrue();
        assertThat(writer.putLif(DLR, lif("lif-1", 5000, "10.0.1.1")).hasApplied()).isTrue();
        assertThat(writer.putLif(DLR, lif("lif-2", 5001, "10.0.2.1")).hasApplied()).isTrue();
        assertThat(writer.pushForwardingTable(DLR, "control-vm-1", List.of(Route.newBuilder()
                .setPrefix(org.netweave.proto.controller.v1.Ipv4Prefix.newBuilder().setAddress(0).setLength(0))
                .setNextHop(Ipv4Address.parse("10.0.1.254").value()).setLifId("lif-1").build())).hasApplied()).isTrue();
    }

    private static Lif lif(String id, int vni, String ip) {
        return Lif.newBuilder().setLifId(id).setVni(vni).setIp(Ipv4Address.parse(ip).value()).setPrefixLength(24)
                .setMac(VMAC.value()).setMtu(1500).build();
    }

    private HostConfig config(HostId host, Ipv4Address vtep, long generation, VnicConfig.Builder vnic) {
        return HostConfig.newBuilder().setHostId(host.value()).setGeneration(generation).setVtepIp(vtep.value())
                .setRouterMac(routerMac(host == HOST_A ? 1 : 2).value()).addAllControllers(cluster.hostAddresses())
                .addLogicalSwitches(LogicalSwitchConfig.newBuilder().setVni(5000).setName("web").setReplicationMode(ReplicationMode.UNICAST))
                .addLogicalSwitches(LogicalSwitchConfig.newBuilder().setVni(5001).setName("app").setReplicationMode(ReplicationMode.UNICAST))
                .addDlrs(DlrInstanceConfig.newBuilder().setDlrId(DLR.value()))
                .addVnics(vnic).build();
    }

    private static VnicConfig.Builder vnic(String vm, MacAddress mac, String ip, int vni) {
        return VnicConfig.newBuilder().setVmId(vm).setIndex(0).setMac(mac.value()).setIp(Ipv4Address.parse(ip).value())
                .setVni(vni).setConnected(true);
    }

    // ---- the hosts ----

    private static MacAddress routerMac(int n) {
        return MacAddress.of(0x0250_5600_0001L | (long) n << 8);
    }

    private static HostDatapathConfig datapathConfig(HostId host, Ipv4Address vtep, int n) {
        return new HostDatapathConfig(host, vtep, new Ipv4Prefix(vtep, 32), MacAddress.of(EmulatedUnderlay.vtepMac(vtep.value())),
                routerMac(n), HostDatapathConfig.DEFAULT_VXLAN_PORT);
    }

    /** The VM's vNIC port is the one the agent attaches for vNIC 0 of {@code name}. */
    private static EmulatedEndpoint plug(EmulatedHost host, String name, MacAddress mac, String address, String gateway) {
        EmulatedEndpoint vm = new EmulatedEndpoint(EndpointId.of(name), mac, Ipv4InterfaceAddress.parse(address),
                Ipv4Address.parse(gateway));
        host.plug(PortId.of(name + ".000"), vm);
        return vm;
    }

    private void awaitInSync() {
        await().atMost(WAIT).untilAsserted(() -> {
            for (HostAgent agent : List.of(agentA, agentB)) {
                assertThat(agent.view().controlPlaneInSync()).as("%s in sync", agent.view().host()).isTrue();
                assertThat(agent.view().appliedGeneration()).isEqualTo(1);
            }
            assertThat(agentA.installed().switches().get(Vni.of(5001)).remoteMacs()).containsKey(VM2_MAC);
            assertThat(agentB.installed().switches().get(Vni.of(5000)).remoteMacs()).containsKey(VM1_MAC);
        });
    }
}
