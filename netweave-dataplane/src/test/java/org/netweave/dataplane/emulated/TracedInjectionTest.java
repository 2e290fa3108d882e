package org.netweave.dataplane.emulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netweave.dataplane.Datapath;
import org.netweave.dataplane.DatapathChange.AttachPort;
import org.netweave.dataplane.Observation;
import org.netweave.dataplane.ObservationKind;
import org.netweave.dataplane.VnicPort;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.PortId;
import org.netweave.model.Vni;
import org.netweave.packet.FrameAddresses;
import org.netweave.packet.IcmpFrames;

/**
 * A traceflow probe injected through the Datapath SPI at VM1's vNIC on the seed topology's real
 * UDP hosts: every host it crosses reports, it carries its trace id to host B, and it is
 * consumed at VM2's vNIC instead of reaching the guest.
 */
class TracedInjectionTest {
    final SeedTopology seed = SeedTopology.build(2, org.netweave.packet.Vxlan.DEFAULT_UDP_PORT);
    final List<Observation> seen = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() {
        seed.close();
    }

    @Test
    void aRoutedProbeIsObservedOnBothHostsAndNeverReachesTheGuest() {
        seed.lab().hosts().forEach(h -> h.setObservationSink(seen::add));
        Datapath hostA = seed.lab().host(SeedTopology.hostName(0));
        long vm2Received = seed.vm2().framesReceived();

        hostA.injectTraced(PortId.of("vm1.000"), probe("10.0.2.10"), 4242);

        await().atMost(Duration.ofSeconds(5)).until(() -> seen.stream().anyMatch(o -> o.kind() == ObservationKind.DELIVERED));
        assertThat(seen).allMatch(o -> o.traceId() == 4242);
        assertThat(seen).extracting(o -> o.host().value() + " " + o.kind() + " " + o.componentName()).containsExactly(
                SeedTopology.hostName(0) + " RECEIVED vm1.000",
                SeedTopology.hostName(0) + " LOGICAL_RECEIVED vni-5000",
                SeedTopology.hostName(0) + " LOGICAL_RECEIVED edge-1",
                SeedTopology.hostName(0) + " LOGICAL_FORWARDED edge-1",
                SeedTopology.hostName(0) + " FORWARDED " + seed.lab().host(SeedTopology.hostName(1)).config().vtepIp(),
                SeedTopology.hostName(1) + " RECEIVED " + hostA.config().vtepIp(),
                SeedTopology.hostName(1) + " LOGICAL_RECEIVED vni-5001",
                SeedTopology.hostName(1) + " DELIVERED vm2.000");
        assertThat(seed.vm2().framesReceived()).as("the probe is not handed to VM2").isEqualTo(vm2Received);
    }

    @Test
    void aProbesSourceMacIsNotLearnedWhereItArrives() throws Exception {
        // Three hosts: VM2 on host 1, the bridge on host 2, so a probe to the physical server crosses a
        // tunnel unrouted and arrives with its source MAC: that of a port on host 1 that no other host
        // has heard of (SpoofGuard drops a probe whose source MAC is not its port's).
        // Its own VXLAN port: the class's two-host lab holds the default one on the same loopback addresses.
        try (SeedTopology three = SeedTopology.build(3, 14789)) {
            three.lab().hosts().forEach(h -> h.setObservationSink(seen::add));
            assertThat(three.vm2().ping(Ipv4Address.parse("10.0.2.100"), 1, 0, 2_000).get().allReplied())
                    .as("host 1 has learned where the physical server is").isTrue();
            MacAddress claimed = MacAddress.parse("00:50:56:00:09:09");
            EmulatedHost host1 = three.lab().host(SeedTopology.hostName(1));
            host1.apply(List.of(new AttachPort(new VnicPort(PortId.of("probe.000"), Vni.of(5001), claimed))));
            byte[] frame = new byte[IcmpFrames.HEADERS_LENGTH + 8];
            IcmpFrames.echoRequest(frame, 0, FrameAddresses.of(claimed, three.physicalServer().mac(),
                    Ipv4Address.parse("10.0.2.10"), Ipv4Address.parse("10.0.2.100")), 1, 1, new byte[8], 0, 8);

            host1.injectTraced(PortId.of("probe.000"), frame, 7);

            await().atMost(Duration.ofSeconds(5)).until(() -> seen.stream()
                    .anyMatch(o -> o.traceId() == 7 && o.kind() == ObservationKind.DELIVERED));
            assertThat(seen).anyMatch(o -> o.traceId() == 7 && o.kind() == ObservationKind.RECEIVED
                    && o.host().value().equals(SeedTopology.hostName(2)));
            assertThat(three.bridgeHost().tables().logicalSwitch(5001).macs()).noneMatch(m -> m.mac().equals(claimed));
        }
    }

    @Test
    void aBridgedProbeEndsAtTheVlanWithoutReachingThePhysicalServer() {
        seed.lab().hosts().forEach(h -> h.setObservationSink(seen::add));
        long serverReceived = seed.physicalServer().framesReceived();
        byte[] frame = new byte[IcmpFrames.HEADERS_LENGTH + 8];
        IcmpFrames.echoRequest(frame, 0, FrameAddresses.of(seed.vm2().mac(), seed.physicalServer().mac(),
                Ipv4Address.parse("10.0.2.10"), Ipv4Address.parse("10.0.2.100")), 1, 1, new byte[8], 0, 8);

        seed.bridgeHost().injectTraced(PortId.of("vm2.000"), frame, 9);

        await().atMost(Duration.ofSeconds(5)).until(() -> seen.stream().anyMatch(o -> o.kind() == ObservationKind.BRIDGED));
        assertThat(seen).anyMatch(o -> o.kind() == ObservationKind.DELIVERED && o.componentName().equals("vlan-100"));
        assertThat(seed.physicalServer().framesReceived()).as("the probe stayed in the overlay").isEqualTo(serverReceived);
    }

    @Test
    void refusesAPortThatIsNotHereAndAnOutOfRangeTraceId() {
        Datapath hostA = seed.lab().host(SeedTopology.hostName(0));
        assertThatThrownBy(() -> hostA.injectTraced(PortId.of("vm2.000"), probe("10.0.2.10"), 1))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("port");
        assertThatThrownBy(() -> hostA.injectTraced(PortId.of("vm1.000"), probe("10.0.2.10"), 1 << 24))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("traceId");
    }

    private byte[] probe(String dst) {
        byte[] frame = new byte[IcmpFrames.HEADERS_LENGTH + 8];
        IcmpFrames.echoRequest(frame, 0, FrameAddresses.of(seed.vm1().mac(), SeedTopology.VMAC,
                Ipv4Address.parse("10.0.1.10"), Ipv4Address.parse(dst)), 1, 1, new byte[8], 0, 8);
        return frame;
    }
}
