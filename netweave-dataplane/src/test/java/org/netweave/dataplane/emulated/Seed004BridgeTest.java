package org.netweave.dataplane.emulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netweave.dataplane.Bridge;
import org.netweave.dataplane.DatapathCounters;
import org.netweave.dataplane.DropReason;
import org.netweave.dataplane.DatapathTables.MacEntry;
import org.netweave.dataplane.DatapathTables.MacLocation;
import org.netweave.dataplane.LogicalSwitchSpec;
import org.netweave.model.BridgeId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.MacAddress;
import org.netweave.model.VlanId;
import org.netweave.model.Vni;

/**
 * Seed 004: the L2 bridge between VXLAN 5001 and VLAN 100, with its four packet flows. VM1 runs
 * on host A, VM2 on host B, the bridge instance on host C; physical servers hang off VLAN 100 of
 * the physical switch. The controller knows the VMs but not the physical servers.
 */
class Seed004BridgeTest {
    static final Vni VNI = Vni.of(5001);
    static final VlanId VLAN = VlanId.of(100);
    static final MacAddress VM1_MAC = MacAddress.parse("00:50:56:00:02:0b");
    static final MacAddress VM2_MAC = MacAddress.parse("00:50:56:00:02:0c");
    static final MacAddress SERVER_MAC = MacAddress.parse("00:11:22:33:44:55");
    static final MacAddress SERVER2_MAC = MacAddress.parse("00:11:22:33:44:66");

    EmulatedLab lab;
    EmulatedHost a;
    EmulatedHost b;
    EmulatedHost c;
    EmulatedEndpoint vm1;
    EmulatedEndpoint vm2;
    EmulatedEndpoint server;
    EmulatedEndpoint server2;

    @BeforeEach
    void buildBridgedSegment() {
        lab = new EmulatedLab(true);
        Ipv4Prefix segment = Ipv4Prefix.parse("127.0.4.0/24");
        a = lab.addHost("host-a", Ipv4Address.parse("127.0.4.1"), segment, 4789);
        b = lab.addHost("host-b", Ipv4Address.parse("127.0.4.2"), segment, 4789);
        c = lab.addHost("host-c", Ipv4Address.parse("127.0.4.3"), segment, 4789);
        lab.addLogicalSwitch(LogicalSwitchSpec.unicast(VNI));
        vm1 = lab.addVm("vm1", a, VNI, VM1_MAC, Ipv4InterfaceAddress.parse("10.0.2.11/24"), null);
        vm2 = lab.addVm("vm2", b, VNI, VM2_MAC, Ipv4InterfaceAddress.parse("10.0.2.12/24"), null);
        lab.addBridge(new Bridge(BridgeId.of("bridge-1"), VNI, VLAN), c);
        server = lab.addPhysicalServer("server", VLAN, SERVER_MAC, Ipv4InterfaceAddress.parse("10.0.2.100/24"), null);
        server2 = lab.addPhysicalServer("server2", VLAN, SERVER2_MAC, Ipv4InterfaceAddress.parse("10.0.2.101/24"), null);
    }

    @AfterEach
    void tearDown() {
        lab.close();
    }

    @Test
    void fourFlowsOfSeed004() throws Exception {
        long vm2FramesBefore = vm2.framesReceived();
        PingResult ping = vm1.ping(Ipv4Address.parse("10.0.2.100"), 1, 0, 2_000).get(5, TimeUnit.SECONDS);
        assertThat(ping.allReplied()).isTrue();

        // Flow 1 — ARP request VM1 → physical server: the controller did not know 10.0.2.100,
        // so host A flooded it; VM2 saw it and stayed silent; the bridge on host C put it on VLAN 100.
        assertThat(a.counters().arpFlooded()).isEqualTo(1);
        // Host B gets its copy of the flood on its own thread; wait for it rather than assume it.
        await().atMost(Duration.ofSeconds(5)).until(() -> vm2.framesReceived() > vm2FramesBefore);
        assertThat(vm2.framesSent()).as("VM2 disregards a request that is not for it").isZero();
        assertThat(lab.physicalSwitch().learnedPort(VLAN, VM1_MAC)).as("the switch saw VM1 behind C's trunk")
                .isEqualTo("trunk-2");
        assertThat(server.arpEntry(Ipv4Address.parse("10.0.2.11"))).isEqualTo(VM1_MAC);

        // Flow 2 — ARP response: the bridge instance learned the server on the VLAN side and sent
        // the reply into VNI 5001 towards VM1's host, which learned the server behind C's VTEP.
        assertThat(mac(c, SERVER_MAC)).isEqualTo(new MacEntry(SERVER_MAC, MacLocation.VLAN, "vlan-100", true));
        assertThat(mac(a, SERVER_MAC)).isEqualTo(new MacEntry(SERVER_MAC, MacLocation.REMOTE_VTEP, "127.0.4.3", true));
        assertThat(vm1.arpEntry(Ipv4Address.parse("10.0.2.100"))).isEqualTo(SERVER_MAC);

        // Flow 3 — unicast VM1 → server after resolution: host A sends straight to the bridge
        // host (never flooded) and the bridge forwards it to the physical network. The echo
        // request and the reply each crossed the bridge once, as did the ARP request and reply.
        DatapathCounters bridgeHost = c.counters();
        assertThat(bridgeHost.bridged()).isEqualTo(4);
        assertThat(b.counters().vxlanReceived()).as("host B saw only the flooded ARP request, never the unicast")
                .isEqualTo(1);

        // Flow 4 — ARP request from the physical side for VM1: the bridge does not know the
        // address, so it broadcasts into VXLAN 5001; every host hands it to its VMs; VM2 drops
        // it, VM1 answers, and the answer goes back through the bridge.
        long vm2SentBefore = vm2.framesSent();
        long vm2ReceivedBefore = vm2.framesReceived();
        long bridgeSentBefore = c.counters().vxlanSent();
        PingResult fromPhysical = server2.ping(Ipv4Address.parse("10.0.2.11"), 1, 0, 2_000).get(5, TimeUnit.SECONDS);
        assertThat(fromPhysical.allReplied()).isTrue();
        assertThat(c.counters().vxlanSent() - bridgeSentBefore).as("broadcast to A and B, then the echo request to A")
                .isEqualTo(3);
        await().atMost(Duration.ofSeconds(5)).until(() -> vm2.framesReceived() > vm2ReceivedBefore);
        assertThat(vm2.framesSent()).as("VM2 drops the request for VM1").isEqualTo(vm2SentBefore);
        assertThat(mac(c, SERVER2_MAC).location()).isEqualTo(MacLocation.VLAN);
        assertThat(mac(a, SERVER2_MAC)).isEqualTo(new MacEntry(SERVER2_MAC, MacLocation.REMOTE_VTEP, "127.0.4.3", true));
        assertThat(server2.arpEntry(Ipv4Address.parse("10.0.2.11"))).isEqualTo(VM1_MAC);
        // The physical switch floods VLAN broadcasts to every trunk; hosts without the bridge
        // instance ignore them, and that is the only thing they dropped.
        for (EmulatedHost h : new EmulatedHost[] {a, b}) {
            DatapathCounters counters = h.counters();
            assertThat(counters.droppedTotal()).isEqualTo(counters.dropped(DropReason.NO_BRIDGE));
        }
        assertThat(c.counters().droppedTotal()).isZero();
    }

    private static MacEntry mac(EmulatedHost host, MacAddress mac) {
        return host.tables().logicalSwitch(VNI.value()).mac(mac);
    }
}
