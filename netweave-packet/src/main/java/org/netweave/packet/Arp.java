package org.netweave.packet;

/**
 * Flyweight access to an ARP packet for Ethernet and IPv4 (RFC 826), the only kind Netweave
 * speaks; the ARP suppression path answers requests with it in place.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |    hardware type (HTYPE) 1    |  protocol type (PTYPE) 0x0800 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   HLEN 6      |   PLEN 4      |  operation 1=request 2=reply  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |              sender hardware address (SHA), 6 bytes           |
 * +                               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                               | sender protocol address (SPA) |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
 * |                               |                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
 * |              target hardware address (THA), 6 bytes           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |              target protocol address (TPA), 4 bytes           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * {@link ArpPacket} is the record form; {@link ArpFrames} builds whole frames.
 */
public final class Arp {
    public static final int LENGTH = 28;
    public static final int HTYPE_ETHERNET = 1;
    public static final int OP_REQUEST = 1;
    public static final int OP_REPLY = 2;

    /** HTYPE 1, PTYPE 0x0800, HLEN 6, PLEN 4: the first 6 bytes of every packet we accept. */
    static final long ETHERNET_IPV4_PREAMBLE = 0x0001_0800_0604L;

    private static final int OP_OFFSET = 6;
    private static final int SHA_OFFSET = 8;
    private static final int SPA_OFFSET = 14;
    private static final int THA_OFFSET = 18;
    private static final int TPA_OFFSET = 24;

    private Arp() {
    }

    /** Whether {@code len} bytes at {@code off} hold an Ethernet/IPv4 request or reply; never throws. */
    public static boolean isValid(byte[] b, int off, int len) {
        if (!Bytes.inBounds(b, off, len) || len < LENGTH || Bytes.u48(b, off) != ETHERNET_IPV4_PREAMBLE) {
            return false;
        }
        int op = op(b, off);
        return op == OP_REQUEST || op == OP_REPLY;
    }

    public static int op(byte[] b, int off) {
        return Bytes.u16(b, off + OP_OFFSET);
    }

    public static long sha(byte[] b, int off) {
        return Bytes.u48(b, off + SHA_OFFSET);
    }

    public static int spa(byte[] b, int off) {
        return Bytes.u32(b, off + SPA_OFFSET);
    }

    public static long tha(byte[] b, int off) {
        return Bytes.u48(b, off + THA_OFFSET);
    }

    public static int tpa(byte[] b, int off) {
        return Bytes.u32(b, off + TPA_OFFSET);
    }

    /** Writes a whole packet and returns the offset after it. */
    public static int write(byte[] b, int off, int op, long sha, int spa, long tha, int tpa) {
        Bytes.putU48(b, off, ETHERNET_IPV4_PREAMBLE);
        Bytes.putU16(b, off + OP_OFFSET, op);
        Bytes.putU48(b, off + SHA_OFFSET, sha);
        Bytes.putU32(b, off + SPA_OFFSET, spa);
        Bytes.putU48(b, off + THA_OFFSET, tha);
        Bytes.putU32(b, off + TPA_OFFSET, tpa);
        return off + LENGTH;
    }

    /**
     * Turns the request at {@code off} into the reply that {@code mac} sends for the address it
     * asked about: the requester becomes the target, the asked address (the old TPA) becomes
     * the SPA, {@code mac} the SHA, and the operation becomes reply. The sender protocol
     * address is not a parameter because a reply that names any other address is wrong.
     */
    public static void toReply(byte[] b, int off, long mac) {
        long requesterMac = sha(b, off);
        int requesterIp = spa(b, off);
        int askedIp = tpa(b, off);
        write(b, off, OP_REPLY, mac, askedIp, requesterMac, requesterIp);
    }
}
