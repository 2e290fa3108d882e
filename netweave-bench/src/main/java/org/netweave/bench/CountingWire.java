package org.netweave.bench;

import org.netweave.dataplane.emulated.Wire;

/**
 * The cheapest wire that still consumes the pipeline's output: it counts packets and bytes and
 * remembers where in the caller's buffer the last VXLAN packet lies (no copy, and no reference
 * kept, which would cost a GC write barrier per packet), so a benchmark's setup can inspect what
 * the pipeline produced. Multicast and uplink output count as {@link #unexpected}.
 */
final class CountingWire implements Wire {
    long packets;
    long bytes;
    long unexpected;
    int lastVtep;
    int lastOffset;
    int lastLength;

    @Override
    public boolean sendVxlan(int dstVtepIp, byte[] b, int outerOff, int len) {
        packets++;
        bytes += len;
        lastVtep = dstVtepIp;
        lastOffset = outerOff;
        lastLength = len;
        return true;
    }

    @Override
    public boolean sendMulticast(int group, byte[] b, int outerOff, int len) {
        unexpected++;
        return true;
    }

    @Override
    public boolean sendUplink(byte[] b, int off, int len) {
        unexpected++;
        return true;
    }
}
