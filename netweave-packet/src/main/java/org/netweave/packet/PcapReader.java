package org.netweave.packet;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads classic libpcap files, either byte order and either resolution: what {@link PcapWriter}
 * and tcpdump write. Tests use it to check captures; it is not on any forwarding path and
 * allocates freely. A file that is not pcap, or is cut inside a record, is an
 * {@link IOException}.
 */
public final class PcapReader implements Closeable {
    /** Larger records are refused before allocating, whatever the file's snaplen claims. */
    private static final int MAX_RECORD_LENGTH = 256 * 1024;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final InputStream in;
    private final ByteOrder order;
    private final PcapResolution resolution;
    private final int linkType;

    public PcapReader(InputStream in) throws IOException {
        this.in = in;
        ByteBuffer header = read(PcapWriter.FILE_HEADER_LENGTH, "file header").order(ByteOrder.LITTLE_ENDIAN);
        int magic = header.getInt(0);
        ByteOrder detected = ByteOrder.LITTLE_ENDIAN;
        if (resolutionOf(magic) == null) {
            magic = Integer.reverseBytes(magic);
            detected = ByteOrder.BIG_ENDIAN;
        }
        this.resolution = resolutionOf(magic);
        if (resolution == null) {
            throw new IOException("not a pcap file: magic " + Integer.toHexString(header.getInt(0)));
        }
        this.order = detected;
        this.linkType = header.order(order).getInt(20);
    }

    public static PcapReader open(Path path) throws IOException {
        return new PcapReader(new BufferedInputStream(Files.newInputStream(path)));
    }

    /** All frames of the file at {@code path}. */
    public static List<PcapPacket> readAll(Path path) throws IOException {
        try (PcapReader reader = open(path)) {
            List<PcapPacket> packets = new ArrayList<>();
            for (PcapPacket p = reader.next(); p != null; p = reader.next()) {
                packets.add(p);
            }
            return packets;
        }
    }

    public PcapResolution resolution() {
        return resolution;
    }

    public int linkType() {
        return linkType;
    }

    /** The next frame, or {@code null} at the end of the file. */
    public PcapPacket next() throws IOException {
        byte[] first = in.readNBytes(PcapWriter.RECORD_HEADER_LENGTH);
        if (first.length == 0) {
            return null;
        }
        if (first.length < PcapWriter.RECORD_HEADER_LENGTH) {
            throw new EOFException("pcap record header cut after " + first.length + " bytes");
        }
        ByteBuffer h = ByteBuffer.wrap(first).order(order);
        long seconds = h.getInt(0) & 0xFFFF_FFFFL;
        long fraction = h.getInt(4) & 0xFFFF_FFFFL;
        int captured = h.getInt(8);
        int original = h.getInt(12);
        if (captured < 0 || captured > MAX_RECORD_LENGTH || original < captured) {
            throw new IOException("bad pcap record lengths: captured " + captured + ", original " + original);
        }
        byte[] data = read(captured, "frame").array();
        return new PcapPacket(seconds * NANOS_PER_SECOND + resolution.toNanos(fraction), Octets.wrap(data), original);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private ByteBuffer read(int n, String what) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new EOFException("pcap " + what + " cut after " + b.length + " of " + n + " bytes");
        }
        return ByteBuffer.wrap(b);
    }

    private static PcapResolution resolutionOf(int magic) {
        for (PcapResolution r : PcapResolution.values()) {
            if (r.magic() == magic) {
                return r;
            }
        }
        return null;
    }
}
