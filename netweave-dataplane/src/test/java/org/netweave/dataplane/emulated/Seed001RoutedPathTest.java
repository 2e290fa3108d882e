package org.netweave.dataplane.emulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netweave.packet.Bytes.u16;
import static org.netweave.packet.Bytes.u8;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netweave.dataplane.Lif;
import org.netweave.dataplane.LifType;
import org.netweave.dataplane.LogicalSwitchSpec;
import org.netweave.model.DlrId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.LifId;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;
import org.netweave.packet.Ethernet;
import org.netweave.packet.Icmp;
import org.netweave.packet.Ipv4;
import org.netweave.packet.Udp;
import org.netweave.packet.Vxlan;

/**
 * Seed 001: VM1 (host A, VXLAN 5000) pings VM2 (host B, VXLAN 5001) through the DLR. The request
 * is routed on host A and leaves as VXLAN 5001 to host B's VTEP, sourced from host A's router
 * MAC with TTL − 1; the reply is routed on host B and leaves as VXLAN 5000 to host A.
 */
class Seed001RoutedPathTest {
    static final MacAddress VMAC = MacAddress.parse("02:50:56:56:44:52");
    static final MacAddress VM1_MAC = MacAddress.parse("00:50:56:00:01:0a");
    static final MacAddress VM2_MAC = MacAddress.parse("00:50:56:00:02:0a");
    static final Ipv4Address VTEP_A = Ipv4Address.parse("127.0.1.1");
    static final Ipv4Address VTEP_B = Ipv4Address.parse("127.0.1.2");
    static final DlrId DLR = DlrId.of("edge-1");

    EmulatedLab lab;
    EmulatedHost a;
    EmulatedHost b;
    EmulatedEndpoint vm1;
    EmulatedEndpoint vm2;
    final CapturingTap tapA = new CapturingTap();
    final CapturingTap tapB = new CapturingTap();

    @BeforeEach
    void buildSeedTopology() {
        lab = new EmulatedLab(true);
        Ipv4Prefix segment = Ipv4Prefix.parse("127.0.1.0/24");
        a = lab.addHost("host-a", VTEP_A, segment, Vxlan.DEFAULT_UDP_PORT);
        b = lab.addHost("host-b", VTEP_B, segment, Vxlan.DEFAULT_UDP_PORT);
        lab.addLogicalSwitch(LogicalSwitchSpec.unicast(Vni.of(5000)));
        lab.addLogicalSwitch(LogicalSwitchSpec.unicast(Vni.of(5001)));
        lab.addDlr(DLR, List.of(
                new Lif(LifId.of("lif-5000"), LifType.INTERNAL, Vni.of(5000), Ipv4InterfaceAddress.parse("10.0.1.1/24"), VMAC, false),
                new Lif(LifId.of("lif-5001"), LifType.INTERNAL, Vni.of(5001), Ipv4InterfaceAddress.parse("10.0.2.1/24"), VMAC, false)));
        vm1 = lab.addVm("vm1", a, Vni.of(5000), VM1_MAC, Ipv4InterfaceAddress.parse("10.0.1.10/24"), Ipv4Address.parse("10.0.1.1"));
        vm2 = lab.addVm("vm2", b, Vni.of(5001), VM2_MAC, Ipv4InterfaceAddress.parse("10.0.2.10/24"), Ipv4Address.parse("10.0.2.1"));
        a.setWireTap(tapA);
        b.setWireTap(tapB);
    }

    @AfterEach
    void tearDown() {
        lab.close();
    }

    @Test
    void requestIsRoutedOnHostAAndReplyOnHostB() throws Exception {
        PingResult ping = vm1.ping(Ipv4Address.parse("10.0.2.10"), 1, 0, 2_000).get(5, TimeUnit.SECONDS);

        assertThat(ping.allReplied()).as("VM1 gets its echo reply").isTrue();
        assertThat(ping.replyTtl()).as("the reply crossed exactly one router").isEqualTo(63);

        // Host A → host B: the request, routed on A, in VNI 5001.
        assertThat(tapA.sent).hasSize(1);
        CapturingTap.Sent request = tapA.sent.getFirst();
        assertVxlanToward(request.frame(), VTEP_A, VTEP_B, 5001);
        int inner = 50;
        assertThat(Ethernet.dst(request.frame(), inner)).isEqualTo(VM2_MAC.value());
        assertThat(Ethernet.src(request.frame(), inner)).as("host A's router MAC, not the shared vMAC")
                .isEqualTo(a.config().routerMac().value());
        assertInnerIcmp(request.frame(), inner + 14, "10.0.1.10", "10.0.2.10", 63, Icmp.TYPE_ECHO_REQUEST);

        // Host B → host A: the reply, routed on B, in VNI 5000.
        assertThat(tapB.sent).hasSize(1);
        CapturingTap.Sent reply = tapB.sent.getFirst();
        assertVxlanToward(reply.frame(), VTEP_B, VTEP_A, 5000);
        assertThat(Ethernet.dst(reply.frame(), inner)).isEqualTo(VM1_MAC.value());
        assertThat(Ethernet.src(reply.frame(), inner)).isEqualTo(b.config().routerMac().value());
        assertInnerIcmp(reply.frame(), inner + 14, "10.0.2.10", "10.0.1.10", 63, Icmp.TYPE_ECHO_REPLY);

        // What arrived on each side is byte for byte what the other side sent.
        assertThat(tapB.received).hasSize(1);
        assertThat(tapB.received.getFirst().datagram()).isEqualTo(tail(request.frame(), 42));
        assertThat(tapA.received.getFirst().datagram()).isEqualTo(tail(reply.frame(), 42));

        assertThat(a.counters().routed()).as("host A routes only the request").isEqualTo(1);
        assertThat(b.counters().routed()).as("host B routes only the reply").isEqualTo(1);
        assertThat(a.counters().droppedTotal()).isZero();
        assertThat(b.counters().droppedTotal()).isZero();
    }

    @Test
    void gatewayArpIsAnsweredLocallyWithTheSharedVmacOnEveryHost() throws Exception {
        assertThat(vm1.ping(Ipv4Address.parse("10.0.2.10"), 1, 0, 2_000).get(5, TimeUnit.SECONDS).allReplied()).isTrue();

        assertThat(vm1.arpEntry(Ipv4Address.parse("10.0.1.1"))).isEqualTo(VMAC);
        assertThat(vm2.arpEntry(Ipv4Address.parse("10.0.2.1"))).isEqualTo(VMAC);
        assertThat(tapA.sent).as("no ARP for the gateway left host A").hasSize(1);
    }

    @Test
    void bothHostsHoldIdenticalCopiesOfTheDlr() {
        assertThat(a.tables().router(DLR).routes()).isEqualTo(b.tables().router(DLR).routes());
        assertThat(a.tables().router(DLR).routes()).extracting(r -> r.prefix() + " " + r.lif() + " " + r.flags())
                .containsExactly("10.0.1.0/24 lif-5000 UCI", "10.0.2.0/24 lif-5001 UCI");
    }

    private static void assertVxlanToward(byte[] f, Ipv4Address src, Ipv4Address dst, int vni) {
        int ip = 14;
        assertThat(Ethernet.etherType(f, 0)).isEqualTo(Ethernet.TYPE_IPV4);
        assertThat(Ipv4.src(f, ip)).isEqualTo(src.value());
        assertThat(Ipv4.dst(f, ip)).isEqualTo(dst.value());
        assertThat(Ipv4.protocol(f, ip)).isEqualTo(Ipv4.PROTOCOL_UDP);
        assertThat(Ipv4.isHeaderValid(f, ip, f.length - ip)).as("outer IPv4 header and checksum valid").isTrue();
        int udp = ip + 20;
        assertThat(Udp.dstPort(f, udp)).isEqualTo(4789);
        assertThat(Udp.srcPort(f, udp)).isBetween(49152, 65535);
        assertThat(Udp.length(f, udp)).isEqualTo(f.length - udp);
        int vx = udp + 8;
        assertThat(u8(f, vx)).as("VXLAN flags: I only").isEqualTo(0x08);
        assertThat(Vxlan.vni(f, vx)).isEqualTo(vni);
    }

    private static void assertInnerIcmp(byte[] f, int ip, String src, String dst, int ttl, int type) {
        assertThat(Ipv4.src(f, ip)).isEqualTo(Ipv4Address.parse(src).value());
        assertThat(Ipv4.dst(f, ip)).isEqualTo(Ipv4Address.parse(dst).value());
        assertThat(Ipv4.ttl(f, ip)).isEqualTo(ttl);
        assertThat(Ipv4.isHeaderValid(f, ip, f.length - ip)).as("inner checksum still verifies after TTL-1").isTrue();
        assertThat(u8(f, ip + 20)).isEqualTo(type);
        assertThat(u16(f, ip + 2)).isEqualTo(84);
    }

    private static byte[] tail(byte[] f, int from) {
        return java.util.Arrays.copyOfRange(f, from, f.length);
    }
}
