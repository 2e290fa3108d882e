package org.netweave.packet;

import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;

/**
 * The link and network addresses of one direction of an IPv4-over-Ethernet conversation, as the
 * frame builders take them.
 *
 * <p>Primitive fields so that a traffic generator or an emulated endpoint builds one per flow
 * and reuses it for every frame without allocating, and so that building from the dataplane's
 * tables needs no boxing.
 */
public record FrameAddresses(long srcMac, long dstMac, int srcIp, int dstIp) {

    public FrameAddresses {
        requireMac("srcMac", srcMac);
        requireMac("dstMac", dstMac);
    }

    public static FrameAddresses of(MacAddress srcMac, MacAddress dstMac, Ipv4Address srcIp, Ipv4Address dstIp) {
        return new FrameAddresses(srcMac.value(), dstMac.value(), srcIp.value(), dstIp.value());
    }

    /** The addresses of the answer: sources and destinations swapped. */
    public FrameAddresses reversed() {
        return new FrameAddresses(dstMac, srcMac, dstIp, srcIp);
    }

    /**
     * Writes Ethernet and a 20-byte IPv4 header (DF, checksum) for {@code l4Length} bytes of
     * payload and returns the offset where that payload goes.
     */
    public int writeIpv4(byte[] out, int off, int protocol, int ttl, int l4Length) {
        int ip = Ethernet.write(out, off, dstMac, srcMac, Ethernet.TYPE_IPV4);
        return Ipv4.write(out, ip, protocol, srcIp, dstIp, l4Length, ttl);
    }

    private static void requireMac(String field, long mac) {
        if ((mac & ~MacAddress.MASK) != 0) {
            throw new InvalidValueException(field, Long.toHexString(mac), "does not fit in 48 bits");
        }
    }
}
