package org.netweave.packet;

import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;

/**
 * An Ethernet/IPv4 ARP request or reply as a value (layout on {@link Arp}).
 *
 * <p>The decoder refuses other hardware or protocol types and operations other than request
 * and reply (RARP, InARP) as malformed: Netweave neither answers nor learns from them.
 */
public record ArpPacket(int op, MacAddress sha, Ipv4Address spa, MacAddress tha, Ipv4Address tpa) {
    private static final String NAME = "ARP";

    public ArpPacket {
        Fields.requireRange("op", op, Arp.OP_REQUEST, Arp.OP_REPLY);
        Fields.requireNonNull("sha", sha);
        Fields.requireNonNull("spa", spa);
        Fields.requireNonNull("tha", tha);
        Fields.requireNonNull("tpa", tpa);
    }

    /** A request from {@code sha}/{@code spa} for {@code tpa}, with a zero THA as RFC 826 hosts send. */
    public static ArpPacket request(MacAddress sha, Ipv4Address spa, Ipv4Address tpa) {
        return new ArpPacket(Arp.OP_REQUEST, sha, spa, MacAddress.ZERO, tpa);
    }

    public static ArpPacket reply(MacAddress sha, Ipv4Address spa, MacAddress tha, Ipv4Address tpa) {
        return new ArpPacket(Arp.OP_REPLY, sha, spa, tha, tpa);
    }

    public static ArpPacket decode(byte[] b, int off, int len) {
        Fields.requireLength(NAME, b, off, len, Arp.LENGTH);
        if (Bytes.u48(b, off) != Arp.ETHERNET_IPV4_PREAMBLE) {
            throw new MalformedPacketException(NAME, "not Ethernet/IPv4 (htype, ptype, hlen, plen = "
                    + Long.toHexString(Bytes.u48(b, off)) + ")");
        }
        int op = Arp.op(b, off);
        if (op != Arp.OP_REQUEST && op != Arp.OP_REPLY) {
            throw new MalformedPacketException(NAME, "operation " + op + " is neither request nor reply");
        }
        return new ArpPacket(op, MacAddress.of(Arp.sha(b, off)), Ipv4Address.of(Arp.spa(b, off)),
                MacAddress.of(Arp.tha(b, off)), Ipv4Address.of(Arp.tpa(b, off)));
    }

    public int encode(byte[] b, int off) {
        Arp.write(b, off, op, sha.value(), spa.value(), tha.value(), tpa.value());
        return Arp.LENGTH;
    }

    public int encodedLength() {
        return Arp.LENGTH;
    }

    public boolean isRequest() {
        return op == Arp.OP_REQUEST;
    }
}
