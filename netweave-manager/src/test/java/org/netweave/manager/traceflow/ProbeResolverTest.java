package org.netweave.manager.traceflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.netweave.manager.api.ApiException;
import org.netweave.manager.inventory.PowerState;
import org.netweave.manager.inventory.VmKind;
import org.netweave.manager.inventory.VmRecord;
import org.netweave.manager.inventory.Vnic;
import org.netweave.manager.network.router.Lif;
import org.netweave.manager.network.router.LifType;
import org.netweave.manager.network.vnic.VnicAttachment;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.MacAddress;
import org.netweave.model.VmId;
import org.netweave.model.Vni;
import org.netweave.packet.Ethernet;
import org.netweave.packet.Ipv4;

/** The probe's fields, as the guest's own stack would have chosen them. */
class ProbeResolverTest {
    static final LogicalSwitchId WEB = LogicalSwitchId.of("virtualwire-1");
    static final Vnic VNIC = new Vnic(0, MacAddress.parse("00:50:56:80:00:01"), Optional.of(Ipv4Address.parse("10.0.1.10")),
            Optional.of(WEB));
    static final VmRecord VM = new VmRecord(VmId.of("vm-3"), "VM1", HostId.of("host-1"), VmKind.WORKLOAD, PowerState.POWERED_ON,
            Optional.empty(), List.of(VNIC), 1);
    static final Lif GATEWAY = new Lif(10, "web", LifType.INTERNAL, WEB, Vni.of(5000), null,
            Ipv4InterfaceAddress.parse("10.0.1.1/24"), Lif.VIRTUAL_MAC, 1500, 1);
    static final VnicAttachment NEIGHBOUR = new VnicAttachment("vm-5", 0, "00:50:56:80:00:05", "10.0.1.20", "host-2",
            WEB.value(), 1);

    @Test
    void offTheSubnetTheProbeGoesToTheGatewaysVmac() {
        Probe probe = resolve(new TraceflowPacket("10.0.2.10", null, null, null, null, null, null, null));

        assertThat(probe.routed()).isTrue();
        assertThat(probe.dstMac()).isEqualTo(Lif.VIRTUAL_MAC);
        assertThat(probe.srcMac()).isEqualTo(VNIC.mac());
        assertThat(probe.srcIp()).isEqualTo(Ipv4Address.parse("10.0.1.10"));
        assertThat(probe.port().value()).isEqualTo("vm-3.000");
        assertThat(probe.protocol()).isEqualTo(ProbeProtocol.ICMP);
    }

    @Test
    void onTheSubnetItGoesToTheNeighboursMacOrIsBroadcastWhenNoneHoldsTheAddress() {
        assertThat(resolve(new TraceflowPacket("10.0.1.20", null, null, null, null, null, null, null)).dstMac())
                .isEqualTo(MacAddress.parse("00:50:56:80:00:05"));
        assertThat(resolve(new TraceflowPacket("10.0.1.1", null, null, null, null, null, null, null)).dstMac())
                .as("the gateway itself").isEqualTo(Lif.VIRTUAL_MAC);
        Probe unknown = resolve(new TraceflowPacket("10.0.1.99", null, null, null, null, null, null, null));
        assertThat(unknown.dstMac()).isEqualTo(MacAddress.BROADCAST);
        assertThat(unknown.routed()).isFalse();
    }

    @Test
    void theFrameCarriesTheAskedTtlWithAValidHeaderChecksum() {
        Probe probe = resolve(new TraceflowPacket("10.0.2.10", "udp", 53, null, 2, null, null, null));
        byte[] frame = ProbeFrames.of(probe);

        assertThat(Ipv4.ttl(frame, Ethernet.HEADER_LENGTH)).isEqualTo(2);
        assertThat(Ipv4.isHeaderValid(frame, Ethernet.HEADER_LENGTH, frame.length - Ethernet.HEADER_LENGTH)).isTrue();
        assertThat(Ipv4.protocol(frame, Ethernet.HEADER_LENGTH)).isEqualTo(Ipv4.PROTOCOL_UDP);
        assertThat(Ethernet.dst(frame, 0)).isEqualTo(Lif.VIRTUAL_MAC.value());
    }

    @Test
    void badFieldsAreNamed() {
        assertThatThrownBy(() -> resolve(new TraceflowPacket(null, null, null, null, null, null, null, null)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.body().field()).isEqualTo("packet.dstIp"));
        assertThatThrownBy(() -> resolve(new TraceflowPacket("10.0.2.10", "gre", null, null, null, null, null, null)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.body().field()).isEqualTo("packet.protocol"));
        assertThatThrownBy(() -> resolve(new TraceflowPacket("10.0.2.10", "tcp", 70_000, null, null, null, null, null)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.body().field()).isEqualTo("packet.dstPort"));
        Vnic noAddress = new Vnic(0, VNIC.mac(), Optional.empty(), Optional.of(WEB));
        assertThatThrownBy(() -> ProbeResolver.resolve(new TraceflowPacket("10.0.2.10", null, null, null, null, null,
                null, null), VM, noAddress, List.of(GATEWAY), List.of()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.body().field()).isEqualTo("packet.srcIp"));
    }

    private static Probe resolve(TraceflowPacket packet) {
        return ProbeResolver.resolve(packet, VM, VNIC, List.of(GATEWAY), List.of(NEIGHBOUR));
    }
}
