package org.netweave.packet;

import org.netweave.model.MacAddress;

/**
 * Whole ARP frames (Ethernet + ARP), for the slow paths of a router and an emulated host: asking
 * for a neighbour, answering for an address, and ARP suppression answering in place.
 *
 * <p>Frames are 42 bytes, unpadded: the sending NIC, or the receiving stack, deals with the
 * 60-byte minimum, and captures then show the ARP packet as sent. Nothing allocates.
 */
public final class ArpFrames {
    public static final int FRAME_LENGTH = Ethernet.HEADER_LENGTH + Arp.LENGTH;

    private ArpFrames() {
    }

    /** A broadcast request from {@code srcMac}/{@code srcIp} for {@code targetIp}; returns the length. */
    public static int request(byte[] out, int off, long srcMac, int srcIp, int targetIp) {
        int arp = Ethernet.write(out, off, MacAddress.MASK, srcMac, Ethernet.TYPE_ARP);
        Arp.write(out, arp, Arp.OP_REQUEST, srcMac, srcIp, 0, targetIp);
        return FRAME_LENGTH;
    }

    /**
     * A gratuitous ARP: a broadcast request for the sender's own address, which refreshes every
     * neighbour cache after a VM moves or a bridge takes over. Returns the length.
     */
    public static int gratuitous(byte[] out, int off, long mac, int ip) {
        return request(out, off, mac, ip, ip);
    }

    /** A unicast reply saying {@code srcIp} is at {@code srcMac}; returns the length. */
    public static int reply(byte[] out, int off, long srcMac, int srcIp, long dstMac, int dstIp) {
        int arp = Ethernet.write(out, off, dstMac, srcMac, Ethernet.TYPE_ARP);
        Arp.write(out, arp, Arp.OP_REPLY, srcMac, srcIp, dstMac, dstIp);
        return FRAME_LENGTH;
    }

    /** Whether the {@code len}-byte frame at {@code off} is an Ethernet/IPv4 ARP request; never throws. */
    public static boolean isRequest(byte[] b, int off, int len) {
        return b != null && Bytes.inBounds(b, off, len) && len >= FRAME_LENGTH
                && Ethernet.etherType(b, off) == Ethernet.TYPE_ARP
                && Arp.isValid(b, off + Ethernet.HEADER_LENGTH, len - Ethernet.HEADER_LENGTH)
                && Arp.op(b, off + Ethernet.HEADER_LENGTH) == Arp.OP_REQUEST;
    }

    /**
     * Turns the request frame at {@code off} into the reply {@code mac} gives for the asked
     * address, in place, addressed back to the requester; returns the length. This is ARP
     * suppression's answer from the host cache: the request never leaves the host.
     */
    public static int replyInPlace(byte[] b, int off, long mac) {
        int arp = off + Ethernet.HEADER_LENGTH;
        Ethernet.write(b, off, Arp.sha(b, arp), mac, Ethernet.TYPE_ARP);
        Arp.toReply(b, arp, mac);
        return FRAME_LENGTH;
    }
}
