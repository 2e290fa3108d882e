package org.netweave.ovs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.netweave.ovs.Net.inNetns;
import static org.netweave.ovs.SeedFixture.VM1;
import static org.netweave.ovs.SeedFixture.VM2;
import static org.netweave.ovs.SeedFixture.VM3;
import static org.netweave.ovs.SeedFixture.VM4;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.netweave.dataplane.DropReason;
import org.netweave.dataplane.Observation;
import org.netweave.dataplane.ObservationComponent;
import org.netweave.dataplane.ObservationKind;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.packet.ArpFrames;
import org.netweave.packet.FrameAddresses;
import org.netweave.packet.IcmpFrames;

/**
 * SpoofGuard on real Open vSwitch: vm1's kernel sends frames it crafted (a raw AF_PACKET socket on
 * its eth0) claiming vm3's MAC, vm2's IP, the router's MAC, and the gateway's IP in a gratuitous
 * ARP. br-int drops each in its ARP_SPOOF or MAC_SPOOF table and counts it under SPOOFED_MAC or
 * SPOOFED_IP; NORMAL never learns the claimed MAC on vm1's port; vm1 itself still gets through.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OvsSpoofGuardTest {
    static final Ipv4Address GATEWAY = Ipv4Address.parse("10.0.1.1");

    OvsLab lab;
    OvsDatapath hostA;

    @BeforeAll
    void buildLab() {
        Net.requireOrSkip("OvsSpoofGuardTest", Net.whyLabUnavailable());
        lab = OvsLab.seed(List.of(VM1, VM2, VM3, VM4));
        hostA = lab.host(0);
    }

    @AfterAll
    void tearDown() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void aFrameClaimingAnotherVmsMacIsDroppedAndNotLearnedOnThePort() {
        long before = hostA.counters().dropped(DropReason.SPOOFED_MAC);

        sendFromVm1(echo(VM3.mac(), VM1.address().address(), VM3.address().address(), VM3.mac()));

        awaitDropped(DropReason.SPOOFED_MAC, before + 1);
        assertThat(learnedOnVm1Port()).doesNotContain(VM3.mac().toString());
    }

    @Test
    void aFrameWithTheRouterMacAsSourceIsDroppedAndNotLearned() {
        long before = hostA.counters().dropped(DropReason.SPOOFED_MAC);

        sendFromVm1(echo(SeedFixture.VMAC, VM1.address().address(), VM2.address().address(), SeedFixture.VMAC));
        sendFromVm1(echo(SeedFixture.dvrMac(0), VM1.address().address(), VM2.address().address(), SeedFixture.VMAC));

        awaitDropped(DropReason.SPOOFED_MAC, before + 2);
        assertThat(learnedOnVm1Port()).doesNotContain(SeedFixture.VMAC.toString(), SeedFixture.dvrMac(0).toString());
    }

    @Test
    void aPacketFromAnotherVmsIpIsDropped() {
        long before = hostA.counters().dropped(DropReason.SPOOFED_IP);

        sendFromVm1(echo(VM1.mac(), VM2.address().address(), VM3.address().address(), VM3.mac()));

        awaitDropped(DropReason.SPOOFED_IP, before + 1);
    }

    @Test
    void aGratuitousArpForTheGatewayIsDroppedBeforeItPoisonsANeighboursCache() {
        // vm4 shares vm1's host and segment, and learns the gateway's MAC by routing through it.
        Exec.Result routed = lab.ping(VM4.name(), VM2.address().address().toString());
        assertThat(routed.output()).as(routed.output()).contains("3 received");
        assertThat(lab.neighbour(VM4.name(), GATEWAY.toString())).contains(SeedFixture.VMAC.toString());
        long before = hostA.counters().dropped(DropReason.SPOOFED_IP);
        byte[] garp = new byte[ArpFrames.FRAME_LENGTH];
        ArpFrames.gratuitous(garp, 0, VM1.mac().value(), GATEWAY.value());

        sendFromVm1(garp);

        awaitDropped(DropReason.SPOOFED_IP, before + 1);
        // Linux takes an ARP request's sender into an entry it already has: through NORMAL this would move it.
        assertThat(lab.neighbour(VM4.name(), GATEWAY.toString())).contains(SeedFixture.VMAC.toString())
                .doesNotContain(VM1.mac().toString());
    }

    @Test
    void aTaggedFrameFromAVmIsDroppedWhateverItCarries() {
        long before = hostA.counters().dropped(DropReason.TAGGED_FROM_VNIC);
        byte[] plain = echo(VM1.mac(), VM1.address().address(), VM2.address().address(), VM2.mac());
        // Tagged with vm2's segment's local VLAN: br-int's TRANSIENT flows would send it straight to vm2.
        int lvid = LocalVlans.allocate(List.of(SeedFixture.VNI_A, SeedFixture.VNI_B)).of(SeedFixture.VNI_B);
        byte[] tagged = new byte[plain.length + 4];
        System.arraycopy(plain, 0, tagged, 0, 12);
        tagged[12] = (byte) 0x81;
        tagged[14] = (byte) (lvid >>> 8);
        tagged[15] = (byte) lvid;
        System.arraycopy(plain, 12, tagged, 16, plain.length - 12);

        sendFromVm1(tagged);

        awaitDropped(DropReason.TAGGED_FROM_VNIC, before + 1);
    }

    @Test
    void aTracedSpoofedProbeEndsAtTheVnicWithItsReason() {
        List<Observation> seen = new CopyOnWriteArrayList<>();
        hostA.setObservationSink(seen::add);
        try {
            hostA.injectTraced(VM1.port().id(), echo(VM1.mac(), VM2.address().address(), VM3.address().address(),
                    VM3.mac()), 41);
        } finally {
            hostA.setObservationSink(null);
        }

        assertThat(seen).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo(ObservationKind.DROPPED);
            assertThat(o.dropReason()).isEqualTo(DropReason.SPOOFED_IP);
            assertThat(o.component()).isEqualTo(ObservationComponent.VNIC);
            assertThat(o.decidedBy()).contains("MAC_SPOOF priority=2");
        });
    }

    @Test
    void theVmAsItselfStillReachesItsPeers() {
        Exec.Result l2 = lab.ping(VM1.name(), VM3.address().address().toString());
        Exec.Result routed = lab.ping(VM1.name(), VM2.address().address().toString());

        assertThat(l2.output()).as(l2.output()).contains("3 received");
        assertThat(routed.output()).as(routed.output()).contains("3 received");
    }

    private void awaitDropped(DropReason reason, long atLeast) {
        // Flow statistics reach the OpenFlow table from the datapath's upcall; read until they have.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(hostA.counters().dropped(reason)).isGreaterThanOrEqualTo(atLeast));
    }

    /** The MACs br-int's NORMAL switching has learned on vm1's vNIC port. */
    private String learnedOnVm1Port() {
        String port = OvsNames.vnicDevice(VM1.port().id());
        String ofport = hostA.ovs().vsctl("get", "Interface", port, "ofport").orThrow().output().strip();
        return hostA.ovs().appctl("fdb/show", "br-int").orThrow().output().lines()
                .filter(line -> line.strip().startsWith(ofport + " ")).reduce("", (a, b) -> a + b + "\n");
    }

    /** vm1's kernel sends {@code frame} as is on its eth0. */
    private void sendFromVm1(byte[] frame) {
        String script = "import socket,sys\n"
                + "s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)\n"
                + "s.bind(('eth0', 0))\n"
                + "s.send(bytes.fromhex(sys.argv[1]))\n";
        Exec.Result sent = Net.run(inNetns(lab.vmNamespace(VM1.name()), "python3", "-c", script,
                HexFormat.of().formatHex(frame)));
        assertThat(sent.ok()).as(sent.output()).isTrue();
    }

    private static byte[] echo(MacAddress src, Ipv4Address from, Ipv4Address to, MacAddress dst) {
        byte[] frame = new byte[IcmpFrames.HEADERS_LENGTH + 8];
        IcmpFrames.echoRequest(frame, 0, FrameAddresses.of(src, dst, from, to), 9, 1, new byte[8], 0, 8);
        return frame;
    }
}
