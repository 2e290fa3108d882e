package org.netweave.dataplane.emulated;

/** UDP packets and payload bytes an endpoint received; written by its forwarding thread, read anywhere. */
public final class UdpCounters {
    private volatile long packets;
    private volatile long bytes;

    void received(int length) {
        // Single writer (the endpoint's forwarding thread), so plain read-modify-write is safe.
        packets = packets + 1;
        bytes = bytes + length;
    }

    public long packets() {
        return packets;
    }

    public long bytes() {
        return bytes;
    }
}
