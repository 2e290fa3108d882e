package org.netweave.manager.traceflow;

import java.util.List;
import java.util.Optional;

import org.netweave.manager.api.ApiException;
import org.netweave.manager.inventory.VmRecord;
import org.netweave.manager.inventory.Vnic;
import org.netweave.manager.network.Fields;
import org.netweave.manager.network.router.Lif;
import org.netweave.manager.network.vnic.VnicAttachment;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.PortId;

/**
 * Decides every field of a probe from the request, the source vNIC and its logical switch: a pure
 * function, so what a traceflow sends is testable without a network. The destination MAC follows
 * what the guest's own stack would use: its gateway (the DLR interface on its switch) for an
 * address off its subnet, the neighbour's MAC for one on it. Unlike the guest it does not ARP:
 * like NSX Traceflow, an unknown neighbour gets a broadcast probe.
 */
final class ProbeResolver {
    static final int DEFAULT_TTL = 64;
    static final int DEFAULT_DST_PORT = 80;
    static final int DEFAULT_SRC_PORT = 49_152;

    private ProbeResolver() {
    }

    /** The vNIC id NSX uses and the host agent gives the vNIC's port: {@code vm-3.000}. */
    static PortId portOf(VmRecord vm, Vnic vnic) {
        return PortId.of(vm.id().value() + "." + String.format("%03d", vnic.index()));
    }

    /**
     * @param lifs       the DLR interfaces on the source vNIC's logical switch
     * @param neighbours the vNICs attached to that logical switch
     */
    static Probe resolve(TraceflowPacket packet, VmRecord vm, Vnic vnic, List<Lif> lifs, List<VnicAttachment> neighbours) {
        Fields.required("packet", packet);
        Ipv4Address dstIp = Fields.ipv4("packet.dstIp", packet.dstIp());
        ProbeProtocol protocol = ProbeProtocol.parse(packet.protocol());
        Ipv4Address srcIp = packet.srcIp() != null ? Fields.ipv4("packet.srcIp", packet.srcIp())
                : vnic.ip().orElseThrow(() -> ApiException.missing("packet.srcIp"));
        MacAddress srcMac = packet.srcMac() != null ? Fields.mac("packet.srcMac", packet.srcMac()) : vnic.mac();
        int ttl = range("packet.ttl", packet.ttl(), DEFAULT_TTL, 1, 255);
        int srcPort = range("packet.srcPort", packet.srcPort(), DEFAULT_SRC_PORT, 1, 65_535);
        int dstPort = range("packet.dstPort", packet.dstPort(), DEFAULT_DST_PORT, 1, 65_535);
        Optional<Lif> gateway = lifs.stream().filter(l -> l.address().subnet().contains(srcIp)).findFirst();
        boolean routed = gateway.isPresent() && !gateway.get().address().subnet().contains(dstIp);
        MacAddress dstMac = packet.dstMac() != null ? Fields.mac("packet.dstMac", packet.dstMac())
                : routed ? gateway.get().mac() : onLink(dstIp, lifs, neighbours);
        return new Probe(vm.hostId(), portOf(vm, vnic), srcMac, dstMac, srcIp, dstIp, protocol, srcPort, dstPort, ttl,
                routed);
    }

    private static MacAddress onLink(Ipv4Address dstIp, List<Lif> lifs, List<VnicAttachment> neighbours) {
        for (Lif lif : lifs) {
            if (lif.address().address().equals(dstIp)) {
                return lif.mac();
            }
        }
        return neighbours.stream().filter(n -> dstIp.toString().equals(n.ip())).findFirst()
                .map(n -> MacAddress.parse(n.mac())).orElse(MacAddress.BROADCAST);
    }

    private static int range(String field, Integer value, int otherwise, int min, int max) {
        if (value == null) {
            return otherwise;
        }
        if (value < min || value > max) {
            throw ApiException.invalid(field, field.substring(field.indexOf('.') + 1) + " must lie in " + min + "-" + max
                    + ", not " + value);
        }
        return value;
    }
}
