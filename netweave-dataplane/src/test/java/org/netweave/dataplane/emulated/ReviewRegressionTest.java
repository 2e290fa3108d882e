package org.netweave.dataplane.emulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.netweave.dataplane.emulated.EngineHarness.Out.INNER;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netweave.dataplane.Bridge;
import org.netweave.dataplane.DatapathChange.AttachPort;
import org.netweave.dataplane.DatapathChange.PutArpEntry;
import org.netweave.dataplane.DatapathChange.PutBridge;
import org.netweave.dataplane.DatapathChange.PutExternalVtep;
import org.netweave.dataplane.DatapathChange.PutLif;
import org.netweave.dataplane.DatapathChange.PutRemoteMac;
import org.netweave.dataplane.DatapathChange.PutRoute;
import org.netweave.dataplane.DatapathChange.PutVtep;
import org.netweave.dataplane.DatapathTables.MacLocation;
import org.netweave.dataplane.ExternalVtep;
import org.netweave.dataplane.Observation;
import org.netweave.dataplane.StaticRoute;
import org.netweave.dataplane.VnicPort;
import org.netweave.dataplane.VtepRecord;
import org.netweave.model.BridgeId;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.LifId;
import org.netweave.model.MacAddress;
import org.netweave.model.PortId;
import org.netweave.model.VlanId;
import org.netweave.model.Vni;
import org.netweave.packet.ArpFrames;
import org.netweave.packet.Ethernet;
import org.netweave.packet.Vxlan;

/** Behaviours a code review found wanting, each pinned down by a scenario. */
class ReviewRegressionTest {
    static final Ipv4Address THIRD = Ipv4Address.parse("127.0.9.3");
    final EngineHarness h = new EngineHarness().seedTopology();

    @Test
    void aPacketWaitingForArpIsReleasedOnlyAfterTheWholeBatch() {
        h.vm1Pings("10.0.2.20", 64); // held, probe flooded
        h.wire.clear();
        MacAddress answer = MacAddress.parse("00:50:56:00:02:14");

        // The binding comes first in the batch, where the MAC lives comes after it.
        h.engine.apply(List.of(new PutArpEntry(Vni.of(5001), Ipv4Address.parse("10.0.2.20"), answer),
                new PutVtep(Vni.of(5001), new VtepRecord(THIRD, EngineHarness.SEGMENT)),
                new PutRemoteMac(Vni.of(5001), answer, THIRD)));

        assertThat(h.wire).as("sent once, straight to the VTEP the batch named, not flooded").singleElement()
                .satisfies(out -> {
                    assertThat(out.dst()).isEqualTo(THIRD.value());
                    assertThat(Ethernet.dst(out.frame(), INNER)).isEqualTo(answer.value());
                });
    }

    @Test
    void gratuitousArpAndProbesAreFloodedNotAnswered() {
        byte[] garp = new byte[ForwardingEngine.HEADROOM + 42];
        int n = ArpFrames.gratuitous(garp, ForwardingEngine.HEADROOM, EngineHarness.VM1_MAC.value(),
                Ipv4Address.parse("10.0.1.10").value());
        h.fromVm1(garp, ForwardingEngine.HEADROOM, n);
        byte[] probe = new byte[ForwardingEngine.HEADROOM + 42];
        ArpFrames.request(probe, ForwardingEngine.HEADROOM, EngineHarness.VM1_MAC.value(), 0,
                Ipv4Address.parse("10.0.2.10").value()); // 10.0.2.10 is in the table, on the other switch
        h.fromVm1(probe, ForwardingEngine.HEADROOM, 42);

        assertThat(h.vm1Frames).as("nothing answered").isEmpty();
        assertThat(h.wire).as("both flooded to the peer").hasSize(2);
    }

    @Test
    void resendingAnUnchangedBridgeKeepsWhatItLearned() {
        Bridge bridge = new Bridge(BridgeId.of("bridge-1"), Vni.of(5001), VlanId.of(100));
        MacAddress server = MacAddress.parse("00:11:22:33:44:01");
        h.engine.apply(List.of(new PutBridge(bridge)));
        h.engine.fromUplink(SwitchingStageTest.tagged(SwitchingStageTest.udpFrame(server, MacAddress.BROADCAST), 100),
                ForwardingEngine.HEADROOM - 4, 54);

        h.engine.apply(List.of(new PutBridge(bridge)));

        assertThat(h.engine.tables().logicalSwitch(5001).mac(server).location()).isEqualTo(MacLocation.VLAN);
    }

    @Test
    void theBridgeHostSendsUnknownUnicastFromATunnelToTheVlan() {
        h.engine.apply(List.of(new PutBridge(new Bridge(BridgeId.of("bridge-1"), Vni.of(5001), VlanId.of(100)))));
        MacAddress forgotten = MacAddress.parse("00:11:22:33:44:09");

        h.fromTunnel(EngineHarness.PEER, 0, 5001, SwitchingStageTest.udpFrame(MacAddress.parse("00:50:56:00:02:77"), forgotten));

        assertThat(h.sent("uplink")).hasSize(1);
    }

    @Test
    void noPortOrExternalEndpointMayTakeTheRoutersMacs() {
        assertThatThrownBy(() -> h.engine.apply(List.of(
                new AttachPort(new VnicPort(PortId.of("evil.000"), Vni.of(5000), EngineHarness.VMAC)))))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("mac"))
                .hasMessageContaining("vMAC of LIF lif-5000");
        assertThatThrownBy(() -> h.engine.apply(List.of(new PutExternalVtep(Vni.of(5001),
                new ExternalVtep(Ipv4Address.parse("198.18.0.2"), Map.of(Ipv4Address.parse("10.0.2.50"), EngineHarness.ROUTER_MAC))))))
                .hasMessageContaining("router MAC of host-a");
    }

    @Test
    void aLifCannotMoveAwayFromItsRoutesNextHops() {
        h.engine.apply(List.of(new PutRoute(EngineHarness.DLR,
                new StaticRoute(Ipv4Prefix.DEFAULT_ROUTE, LifId.of("lif-5001"), Ipv4Address.parse("10.0.2.254")))));
        assertThatThrownBy(() -> h.engine.apply(List.of(
                new PutLif(EngineHarness.DLR, EngineHarness.lif("lif-5001", 5001, "10.0.3.1/24")))))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("address"))
                .hasMessageContaining("no longer holds next hop 10.0.2.254");
    }

    @Test
    void privateFlagsFromAnExternalVtepAreIgnored() {
        Ipv4Address kernel = Ipv4Address.parse("198.18.0.2");
        MacAddress kernelMac = MacAddress.parse("02:00:00:00:99:01");
        h.engine.apply(List.of(new PutExternalVtep(Vni.of(5000), new ExternalVtep(kernel, Map.of()))));
        List<Observation> seen = new ArrayList<>();
        h.engine.setObservationSink(seen::add);

        // VXLAN-GPE-style bits 0x01 and 0x04 set by a non-Netweave VTEP.
        h.fromTunnel(kernel, Vxlan.FLAG_TRACE | Vxlan.FLAG_REPLICATED, 5000, 99,
                SwitchingStageTest.udpFrame(kernelMac, EngineHarness.VM1_MAC));

        assertThat(h.vm1Frames).hasSize(1);
        assertThat(seen).as("not a trace").isEmpty();
        assertThat(h.engine.tables().logicalSwitch(5000).mac(kernelMac)).as("learned as usual").isNotNull();
    }
}
