package org.netweave.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.quicktheories.core.Gen;

/** The in-place fast paths agree with the slow, obviously correct way of doing the same. */
class HotPathPropertyTest {
    /** Checksums where end-around carry and the 0x0000/0xFFFF forms of zero matter. */
    private static final int[] EDGE_CHECKSUMS = {0x0000, 0x0001, 0x00FF, 0xFEFF, 0xFF00, 0xFFFE};

    @Test
    void decrementTtlEqualsAFullRecompute() {
        qt().forAll(Generators.ipv4Headers(), integers().between(1, 255), checksumTargets()).checkAssert(
                (header, ttl, target) -> {
                    byte[] b = new byte[header.totalLength()];
                    withChecksum(header, ttl, target).encode(b, 0);
                    int newTtl = Ipv4.decrementTtl(b, 0);
                    int incremental = Ipv4.checksum(b, 0);
                    assertThat(newTtl).isEqualTo(ttl - 1);
                    assertThat(incremental).isEqualTo(Ipv4.checksum(b, 0, header.encodedLength()));
                    assertThat(Ipv4.isHeaderValid(b, 0, b.length)).isTrue();
                });
    }

    @Test
    void echoRequestToReplyEqualsAFullRecompute() {
        qt().forAll(Generators.u16(), Generators.u16(), Generators.octets(200)).checkAssert((id, seq, data) -> {
            IcmpMessage request = IcmpMessage.echoRequest(id, seq, data);
            byte[] b = new byte[request.encodedLength()];
            request.encode(b, 0);
            Icmp.echoRequestToReply(b, 0, b.length);
            assertThat(IcmpMessage.decode(b, 0, b.length)).isEqualTo(IcmpMessage.echoReply(id, seq, data));
        });
    }

    @Test
    void pushThenPopRestoresTheFrame() {
        qt().forAll(Generators.ethernetHeaders(), Generators.vlanTags()).checkAssert((eth, tag) -> {
            byte[] b = new byte[Dot1q.TAG_LENGTH + Ethernet.HEADER_LENGTH + 2];
            eth.encode(b, Dot1q.TAG_LENGTH);
            byte[] before = b.clone();
            int tci = Dot1q.tci(tag.pcp(), tag.dei(), tag.vid());
            int tagged = Dot1q.push(b, Dot1q.TAG_LENGTH, tci);
            assertThat(EthernetHeader.decode(b, tagged, Ethernet.HEADER_LENGTH))
                    .isEqualTo(new EthernetHeader(eth.dst(), eth.src(), Ethernet.TYPE_VLAN));
            assertThat(VlanTag.decode(b, tagged + Dot1q.TAG_OFFSET, VlanTag.ENCODED_LENGTH))
                    .isEqualTo(new VlanTag(tag.pcp(), tag.dei(), tag.vid(), eth.etherType()));
            assertThat(Dot1q.pop(b, tagged)).isEqualTo(Dot1q.TAG_LENGTH);
            assertThat(Hex.of(b, Dot1q.TAG_LENGTH, Ethernet.HEADER_LENGTH))
                    .isEqualTo(Hex.of(before, Dot1q.TAG_LENGTH, Ethernet.HEADER_LENGTH));
        });
    }

    @Test
    void arpToReplyEqualsTheRecordReply() {
        qt().forAll(Generators.arpPackets(), Generators.macs()).checkAssert((request, mac) -> {
            byte[] b = new byte[Arp.LENGTH];
            request.encode(b, 0);
            Arp.toReply(b, 0, mac.value());
            assertThat(ArpPacket.decode(b, 0, b.length))
                    .isEqualTo(ArpPacket.reply(mac, request.tpa(), request.sha(), request.spa()));
        });
    }

    @Test
    void udpChecksumVerifiesAndCatchesACorruptedByte() {
        qt().forAll(Generators.octets(300), Generators.ips(), Generators.ips(), integers().between(0, 307))
                .checkAssert((payload, src, dst, corrupt) -> {
                    byte[] b = new byte[Udp.HEADER_LENGTH + payload.length()];
                    Udp.write(b, 0, 1234, 5678, payload.length());
                    payload.copyTo(b, Udp.HEADER_LENGTH);
                    Udp.updateChecksum(b, 0, b.length, src.value(), dst.value());
                    assertThat(Udp.checksumField(b, 0)).isNotZero();
                    assertThat(Udp.isChecksumValid(b, 0, b.length, src.value(), dst.value())).isTrue();
                    int i = corrupt % b.length;
                    if (i != Udp.CHECKSUM_OFFSET && i != Udp.CHECKSUM_OFFSET + 1) {
                        b[i] ^= 0x10;
                        assertThat(Udp.isChecksumValid(b, 0, b.length, src.value(), dst.value())).isFalse();
                    }
                });
    }

    @Test
    void sourcePortIsAlwaysInTheDynamicRange() {
        qt().forAll(integers().all()).checkAssert(hash -> assertThat(Vxlan.sourcePort(hash)).isBetween(49152, 65535));
    }

    /** A header with the given TTL whose checksum is {@code target}, reached by choosing the identification. */
    private static Ipv4Header withChecksum(Ipv4Header h, int ttl, int target) {
        Ipv4Header zeroId = new Ipv4Header(h.tos(), h.totalLength(), 0, h.flags(), h.fragmentOffset(), ttl,
                h.protocol(), h.src(), h.dst(), h.options());
        byte[] b = new byte[h.totalLength()];
        zeroId.encode(b, 0);
        int rest = InternetChecksum.fold(InternetChecksum.sum(b, 0, zeroId.encodedLength()) - Ipv4.checksum(b, 0));
        int wantedSum = ~target & 0xFFFF;
        int id = Math.floorMod(wantedSum - rest, 0xFFFF);
        return new Ipv4Header(h.tos(), h.totalLength(), id, h.flags(), h.fragmentOffset(), ttl, h.protocol(), h.src(),
                h.dst(), h.options());
    }

    private static Gen<Integer> checksumTargets() {
        return integers().between(0, EDGE_CHECKSUMS.length - 1).map(i -> EDGE_CHECKSUMS[i])
                .mix(Generators.u16(), 50);
    }

    @Test
    void encapsulatorEqualsTheRecordEncoding() {
        qt().forAll(Generators.macs(), Generators.ips(), Generators.ips(), Generators.vxlanHeaders())
                .checkAssert((dstMac, srcIp, dstIp, vxlan) -> {
                    MacAddress srcMac = MacAddress.of(0x0200_0000_0A0AL);
                    int innerLength = 60 + (vxlan.vni() & 0x3FF);
                    int hash = vxlan.vni() * 31 + srcIp.value();
                    byte[] fast = new byte[VxlanEncapsulator.OVERHEAD + innerLength];
                    new VxlanEncapsulator(srcMac, srcIp, Vxlan.DEFAULT_UDP_PORT).encapsulate(fast,
                            VxlanEncapsulator.OVERHEAD, innerLength, dstMac.value(), dstIp.value(), vxlan.vni(),
                            vxlan.flags(), vxlan.traceId(), hash);
                    byte[] slow = new byte[fast.length];
                    int o = new EthernetHeader(dstMac, srcMac, Ethernet.TYPE_IPV4).encode(slow, 0);
                    o += Ipv4Header.of(Ipv4.PROTOCOL_UDP, srcIp, dstIp, 64, innerLength + 16).encode(slow, o);
                    o += UdpHeader.of(Vxlan.sourcePort(hash), Vxlan.DEFAULT_UDP_PORT, innerLength + 8).encode(slow, o);
                    vxlan.encode(slow, o);
                    assertThat(Hex.of(fast, 0, fast.length)).isEqualTo(Hex.of(slow, 0, slow.length));
                    assertThat(VxlanDecapsulator.isVxlan(fast, 0, fast.length, Vxlan.DEFAULT_UDP_PORT)).isTrue();
                    assertThat(VxlanHeader.decode(fast, VxlanDecapsulator.VXLAN_OFFSET, 8)).isEqualTo(vxlan);
                });
    }
}
