package org.netweave.packet;

import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;

/**
 * Writes the outer headers of a VXLAN packet in front of an inner frame, in place: the hot path
 * of a VTEP, run once per packet sent into the overlay.
 *
 * <pre>
 *  outer = inner - 50
 *  +0  Ethernet  dst = next-hop MAC, src = this VTEP's MAC, type 0x0800          14 bytes
 *  +14 IPv4      0x45, TOS 0, total length, id 0, DF, TTL 64, proto 17,         20 bytes
 *                checksum, src = this VTEP, dst = remote VTEP
 *  +34 UDP       src port = 49152 + hash(inner flow), dst port, length, checksum 0   8 bytes
 *  +42 VXLAN     flags (I set), trace id or 0, VNI, 0                            8 bytes
 *  +50 inner Ethernet frame ...
 * </pre>
 *
 * <p>One instance holds what is constant for a source VTEP, including the one's complement sum
 * of the constant IPv4 header words, so the per-packet checksum adds three words and folds. The
 * 50 bytes go out as six 64-bit stores and one 16-bit store. The UDP checksum is 0 as RFC 7348
 * allows for IPv4. Identification 0 with DF set is allowed by RFC 6864 for atomic datagrams.
 * Immutable and so safe to share between threads; allocates nothing per packet.
 */
public final class VxlanEncapsulator {
    /** Outer Ethernet + IPv4 + UDP + VXLAN: the headroom an inner frame needs in front of it. */
    public static final int OVERHEAD = Ethernet.HEADER_LENGTH + Ipv4.MIN_HEADER_LENGTH + Udp.HEADER_LENGTH
            + Vxlan.HEADER_LENGTH;
    public static final int OUTER_TTL = Ipv4.DEFAULT_TTL;

    /** IPv4 total length minus the inner frame: IPv4 + UDP + VXLAN headers. */
    private static final int IP_OVERHEAD = OVERHEAD - Ethernet.HEADER_LENGTH;
    private static final int UDP_OVERHEAD = Udp.HEADER_LENGTH + Vxlan.HEADER_LENGTH;
    private static final int VERSION_IHL_TOS = 0x4500;
    private static final int FLAGS_DF = Ipv4.FLAG_DF << 13;
    private static final int TTL_PROTOCOL = OUTER_TTL << 8 | Ipv4.PROTOCOL_UDP;

    private final long srcMacHigh;
    private final long srcMacLowTypeVersion;
    private final long dfTtlProtocol;
    private final long srcIpShifted;
    private final int constantSum;
    private final int dstPort;

    /**
     * @param srcMac the MAC of this host's VTEP interface
     * @param srcIp this host's VTEP address
     * @param dstPort the VXLAN UDP port of the transport zone, normally {@link Vxlan#DEFAULT_UDP_PORT}
     */
    public VxlanEncapsulator(MacAddress srcMac, Ipv4Address srcIp, int dstPort) {
        Fields.requireRange("dstPort", dstPort, 1, 0xFFFF);
        long mac = srcMac.value();
        int ip = srcIp.value();
        this.srcMacHigh = mac >>> 32;
        this.srcMacLowTypeVersion = (mac & 0xFFFF_FFFFL) << 32 | (long) Ethernet.TYPE_IPV4 << 16 | VERSION_IHL_TOS;
        this.dfTtlProtocol = (long) FLAGS_DF << 16 | TTL_PROTOCOL;
        this.srcIpShifted = (ip & 0xFFFF_FFFFL) << 16;
        this.constantSum = VERSION_IHL_TOS + FLAGS_DF + TTL_PROTOCOL + (ip >>> 16) + (ip & 0xFFFF);
        this.dstPort = dstPort;
    }

    /**
     * Writes the outer headers in front of the {@code innerLength}-byte frame at {@code inner},
     * which must have {@link #OVERHEAD} bytes of headroom, and returns the outer frame's offset
     * {@code inner - 50}; the packet is {@code innerLength + 50} bytes long.
     *
     * @param dstMac the outer destination MAC: the remote VTEP's or the underlay gateway's
     * @param dstIp the remote VTEP
     * @param vni the 24-bit VNI
     * @param flags Netweave-private {@link Vxlan} flags to add to I, 0 towards external VTEPs
     * @param traceId written only when {@code flags} has {@link Vxlan#FLAG_TRACE}
     * @param flowHash the inner flow's hash ({@link FlowHash}); picks the UDP source port
     */
    public int encapsulate(byte[] b, int inner, int innerLength, long dstMac, int dstIp, int vni, int flags,
            int traceId, int flowHash) {
        int o = inner - OVERHEAD;
        int totalLength = innerLength + IP_OVERHEAD;
        int checksum = ipChecksum(totalLength, dstIp);
        int vxFlags = (flags | Vxlan.FLAG_I) & 0xFF;
        long trace = (vxFlags & Vxlan.FLAG_TRACE) != 0 ? traceId & Vxlan.MAX_TRACE_ID : 0;
        Bytes.putU64(b, o, dstMac << 16 | srcMacHigh);
        Bytes.putU64(b, o + 8, srcMacLowTypeVersion);
        Bytes.putU64(b, o + 16, (long) totalLength << 48 | dfTtlProtocol);
        Bytes.putU64(b, o + 24, (long) checksum << 48 | srcIpShifted | dstIp >>> 16);
        Bytes.putU64(b, o + 32, (long) dstIp << 48 | (long) Vxlan.sourcePort(flowHash) << 32
                | (long) dstPort << 16 | innerLength + UDP_OVERHEAD);
        Bytes.putU64(b, o + 40, (long) vxFlags << 40 | trace << 16 | vni >>> 8 & 0xFFFF);
        Bytes.putU16(b, o + 48, vni << 8);
        return o;
    }

    private int ipChecksum(int totalLength, int dstIp) {
        int sum = constantSum + totalLength + (dstIp >>> 16) + (dstIp & 0xFFFF);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        sum += sum >>> 16;
        return ~sum & 0xFFFF;
    }
}
