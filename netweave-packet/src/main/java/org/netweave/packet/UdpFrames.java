package org.netweave.packet;

/**
 * Whole UDP-in-IPv4-in-Ethernet frames, as traffic generators and emulated endpoints send them.
 *
 * <p>The UDP checksum is computed, as a host stack would: these are inner frames, which the
 * receiving endpoint may verify. A generator that sends many frames of one flow can write the
 * payload once at {@code off + HEADERS_LENGTH} and call {@link #writeHeaders} per frame.
 */
public final class UdpFrames {
    /** Ethernet + IPv4 + UDP: the offset of the payload in the frame. */
    public static final int HEADERS_LENGTH = Ethernet.HEADER_LENGTH + Ipv4.MIN_HEADER_LENGTH + Udp.HEADER_LENGTH;

    private UdpFrames() {
    }

    /** Copies the payload in and writes the headers around it; returns the frame length. */
    public static int write(byte[] out, int off, FrameAddresses a, int srcPort, int dstPort, byte[] payload,
            int payloadOff, int payloadLen) {
        System.arraycopy(payload, payloadOff, out, off + HEADERS_LENGTH, payloadLen);
        return writeHeaders(out, off, a, srcPort, dstPort, payloadLen);
    }

    /**
     * Writes the headers for the {@code payloadLen} bytes already at {@code off + HEADERS_LENGTH},
     * checksum included; returns the frame length.
     */
    public static int writeHeaders(byte[] out, int off, FrameAddresses a, int srcPort, int dstPort, int payloadLen) {
        int udpLength = Udp.HEADER_LENGTH + payloadLen;
        int udp = a.writeIpv4(out, off, Ipv4.PROTOCOL_UDP, Ipv4.DEFAULT_TTL, udpLength);
        Udp.write(out, udp, srcPort, dstPort, payloadLen);
        Udp.updateChecksum(out, udp, udpLength, a.srcIp(), a.dstIp());
        return HEADERS_LENGTH + payloadLen;
    }
}
