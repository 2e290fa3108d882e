package org.netweave.dataplane.emulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netweave.dataplane.emulated.EngineHarness.Out.INNER;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.netweave.dataplane.DatapathChange.PutArpEntry;
import org.netweave.dataplane.DatapathChange.PutRoute;
import org.netweave.dataplane.DropReason;
import org.netweave.dataplane.StaticRoute;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.LifId;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;
import org.netweave.packet.Arp;
import org.netweave.packet.ArpFrames;
import org.netweave.packet.Ethernet;
import org.netweave.packet.Icmp;
import org.netweave.packet.Ipv4;
import org.netweave.packet.Vxlan;

/** The DLR stage on one host: TTL, ICMP errors, static routes, next-hop resolution. */
class RoutingStageTest {
    final EngineHarness h = new EngineHarness().seedTopology();

    @Test
    void ttlOfOneIsAnsweredWithTimeExceededFromTheIngressLif() {
        h.vm1Pings("10.0.2.10", 1);

        assertThat(h.wire).as("nothing leaves the host").isEmpty();
        assertThat(h.vm1Frames).hasSize(1);
        byte[] f = h.vm1Frames.getFirst();
        assertThat(Ethernet.src(f, 0)).isEqualTo(EngineHarness.VMAC.value());
        assertThat(Ethernet.dst(f, 0)).isEqualTo(EngineHarness.VM1_MAC.value());
        assertThat(Ipv4.src(f, 14)).isEqualTo(Ipv4Address.parse("10.0.1.1").value());
        assertThat(Ipv4.dst(f, 14)).isEqualTo(Ipv4Address.parse("10.0.1.10").value());
        assertThat(Icmp.type(f, 34)).isEqualTo(Icmp.TYPE_TIME_EXCEEDED);
        assertThat(h.engine.counters().dropped(DropReason.TTL_EXCEEDED)).isEqualTo(1);
        assertThat(h.engine.counters().routed()).isZero();
    }

    @Test
    void noRouteIsAnsweredWithNetUnreachable() {
        h.vm1Pings("192.168.9.9", 64);

        assertThat(h.wire).isEmpty();
        byte[] f = h.vm1Frames.getFirst();
        assertThat(Icmp.type(f, 34)).isEqualTo(Icmp.TYPE_DESTINATION_UNREACHABLE);
        assertThat(Icmp.code(f, 34)).isEqualTo(Icmp.CODE_NET_UNREACHABLE);
        assertThat(h.engine.counters().dropped(DropReason.NO_ROUTE)).isEqualTo(1);
    }

    @Test
    void staticRouteSendsToItsNextHopOnTheEgressLif() {
        MacAddress gatewayMac = MacAddress.parse("00:50:56:00:02:fe");
        h.engine.apply(List.of(
                new PutRoute(EngineHarness.DLR, new StaticRoute(Ipv4Prefix.parse("192.168.0.0/16"), LifId.of("lif-5001"),
                        Ipv4Address.parse("10.0.2.254"))),
                new PutArpEntry(Vni.of(5001), Ipv4Address.parse("10.0.2.254"), gatewayMac),
                new org.netweave.dataplane.DatapathChange.PutRemoteMac(Vni.of(5001), gatewayMac, EngineHarness.PEER)));

        h.vm1Pings("192.168.1.1", 64);

        assertThat(h.wire).hasSize(1);
        EngineHarness.Out out = h.wire.getFirst();
        assertThat(out.dst()).isEqualTo(EngineHarness.PEER.value());
        assertThat(Vxlan.vni(out.frame(), 42)).isEqualTo(5001);
        assertThat(Ethernet.dst(out.frame(), INNER)).isEqualTo(gatewayMac.value());
        assertThat(Ethernet.src(out.frame(), INNER)).isEqualTo(EngineHarness.ROUTER_MAC.value());
        assertThat(Ipv4.dst(out.frame(), INNER + 14)).isEqualTo(Ipv4Address.parse("192.168.1.1").value());
        assertThat(Ipv4.ttl(out.frame(), INNER + 14)).isEqualTo(63);
        assertThat(h.engine.tables().router(EngineHarness.DLR).routes())
                .extracting(r -> r.prefix() + " " + r.gateway() + " " + r.flags())
                .contains("192.168.0.0/16 10.0.2.254 UG");
    }

    @Test
    void unresolvedNextHopIsHeldProbedAndReleasedByTheAnswer() {
        h.vm1Pings("10.0.2.20", 64);

        // One ARP probe for 10.0.2.20, flooded to the peer from the router MAC with sender IP 0.
        assertThat(h.wire).hasSize(1);
        byte[] probe = h.wire.getFirst().frame();
        assertThat(Ethernet.src(probe, INNER)).isEqualTo(EngineHarness.ROUTER_MAC.value());
        assertThat(Arp.op(probe, INNER + 14)).isEqualTo(Arp.OP_REQUEST);
        assertThat(Arp.spa(probe, INNER + 14)).isZero();
        assertThat(Arp.sha(probe, INNER + 14)).isEqualTo(EngineHarness.ROUTER_MAC.value());
        assertThat(Arp.tpa(probe, INNER + 14)).isEqualTo(Ipv4Address.parse("10.0.2.20").value());

        MacAddress answer = MacAddress.parse("00:50:56:00:02:14");
        byte[] reply = new byte[42];
        ArpFrames.reply(reply, 0, answer.value(), Ipv4Address.parse("10.0.2.20").value(),
                EngineHarness.ROUTER_MAC.value(), 0);
        h.fromTunnel(EngineHarness.PEER, 0, 5001, reply);

        assertThat(h.wire).hasSize(2);
        byte[] released = h.wire.get(1).frame();
        assertThat(Ethernet.dst(released, INNER)).isEqualTo(answer.value());
        assertThat(Ipv4.dst(released, INNER + 14)).isEqualTo(Ipv4Address.parse("10.0.2.20").value());
        assertThat(Ipv4.ttl(released, INNER + 14)).isEqualTo(63);
        assertThat(h.engine.counters().dropped(DropReason.NO_ARP)).isZero();
    }

    @Test
    void heldPacketIsDroppedWhenNobodyAnswers() {
        h.vm1Pings("10.0.2.20", 64);
        h.engine.expire(System.nanoTime() + 2 * HeldPackets.TIMEOUT_NANOS);

        assertThat(h.engine.counters().dropped(DropReason.NO_ARP)).isEqualTo(1);
    }

    @Test
    void routerAnswersPingsToItsOwnAddresses() {
        h.vm1Pings("10.0.2.1", 64);

        assertThat(h.wire).isEmpty();
        byte[] f = h.vm1Frames.getFirst();
        assertThat(Icmp.type(f, 34)).isEqualTo(Icmp.TYPE_ECHO_REPLY);
        assertThat(Ipv4.src(f, 14)).isEqualTo(Ipv4Address.parse("10.0.2.1").value());
        assertThat(Ethernet.src(f, 0)).isEqualTo(EngineHarness.VMAC.value());
    }
}
