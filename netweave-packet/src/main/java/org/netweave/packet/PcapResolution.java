package org.netweave.packet;

/**
 * The timestamp fraction of a pcap file, which its magic number announces. Nanoseconds keep the
 * order of frames that the forwarding path handles within one microsecond.
 */
public enum PcapResolution {
    MICROSECONDS(0xA1B2_C3D4, 1_000),
    NANOSECONDS(0xA1B2_3C4D, 1);

    private final int magic;
    private final int nanosPerUnit;

    PcapResolution(int magic, int nanosPerUnit) {
        this.magic = magic;
        this.nanosPerUnit = nanosPerUnit;
    }

    public int magic() {
        return magic;
    }

    long fromNanos(long nanos) {
        return nanos / nanosPerUnit;
    }

    long toNanos(long fraction) {
        return fraction * nanosPerUnit;
    }
}
