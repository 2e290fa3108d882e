package org.netweave.packet;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes frames in the classic libpcap file format, link type Ethernet, so that tshark,
 * Wireshark and tcpdump read what the data plane saw (traceflow, debugging, tests).
 *
 * <pre>
 *  file header (24 bytes): magic, version 2.4, thiszone 0, sigfigs 0, snaplen, link type 1
 *  per frame  (16 bytes):  seconds, micro- or nanoseconds, captured length, original length
 *                          then the captured bytes
 * </pre>
 *
 * <p>Fields are little-endian, as libpcap writes them on x86; readers detect the byte order from
 * the magic, which also says whether the fraction is microseconds ({@code a1b2c3d4}) or
 * nanoseconds ({@code a1b23c4d}). Frames longer than {@link #SNAPLEN} are cut there and keep
 * their original length. {@code write} is synchronized so several forwarding threads may share
 * one capture; each record goes out whole. It reuses one header buffer and allocates nothing.
 */
public final class PcapWriter implements Closeable, Flushable {
    public static final int SNAPLEN = 65535;
    public static final int LINKTYPE_ETHERNET = 1;
    static final int FILE_HEADER_LENGTH = 24;
    static final int RECORD_HEADER_LENGTH = 16;
    static final int VERSION_MAJOR = 2;
    static final int VERSION_MINOR = 4;

    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final OutputStream out;
    private final PcapResolution resolution;
    private final byte[] recordHeader = new byte[RECORD_HEADER_LENGTH];

    /** Starts a capture on {@code out}, writing the file header at once. */
    public PcapWriter(OutputStream out, PcapResolution resolution) throws IOException {
        this.out = out;
        this.resolution = resolution;
        byte[] header = new byte[FILE_HEADER_LENGTH];
        INT_LE.set(header, 0, resolution.magic());
        SHORT_LE.set(header, 4, (short) VERSION_MAJOR);
        SHORT_LE.set(header, 6, (short) VERSION_MINOR);
        INT_LE.set(header, 16, SNAPLEN);
        INT_LE.set(header, 20, LINKTYPE_ETHERNET);
        out.write(header);
    }

    /** Creates (or truncates) the file at {@code path} and starts a capture in it. */
    public static PcapWriter create(Path path, PcapResolution resolution) throws IOException {
        OutputStream file = new BufferedOutputStream(Files.newOutputStream(path));
        try {
            return new PcapWriter(file, resolution);
        } catch (IOException e) {
            file.close();
            throw e;
        }
    }

    /** Appends the {@code len}-byte frame at {@code off}, captured at {@code epochNanos}. */
    public synchronized void write(long epochNanos, byte[] b, int off, int len) throws IOException {
        int captured = Math.min(len, SNAPLEN);
        long seconds = Math.floorDiv(epochNanos, NANOS_PER_SECOND);
        long nanos = Math.floorMod(epochNanos, NANOS_PER_SECOND);
        INT_LE.set(recordHeader, 0, (int) seconds);
        INT_LE.set(recordHeader, 4, (int) resolution.fromNanos(nanos));
        INT_LE.set(recordHeader, 8, captured);
        INT_LE.set(recordHeader, 12, len);
        out.write(recordHeader);
        out.write(b, off, captured);
    }

    @Override
    public synchronized void flush() throws IOException {
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
