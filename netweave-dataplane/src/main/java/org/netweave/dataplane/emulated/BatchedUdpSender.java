package org.netweave.dataplane.emulated;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static org.netweave.dataplane.emulated.LinuxSockets.*;

import java.io.Closeable;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Sends UDP datagrams from one socket in batches of up to {@link #BATCH}, each batch with one
 * {@code sendmmsg(2)}: on loopback a {@code sendto(2)} per datagram is where a VTEP spends
 * nearly all of its time, and a batch pays the system call and the JDK's per-send work once.
 *
 * <p>It sends through the descriptor of a socket it does not own (the VTEP's JDK channel, which
 * keeps receiving and closing it), so datagrams leave from the VTEP's own address and port as
 * before. Datagrams are copied into preallocated native slots and their {@code mmsghdr}s point
 * there, so queueing one is a copy and two stores, with no allocation. A datagram the kernel
 * refuses (its buffer full, as a full NIC ring) is counted, not retried. Used only on the owning
 * host's forwarding thread.
 */
final class BatchedUdpSender implements Closeable {
    static final int BATCH = 64;
    /** Slot size: an inner frame of a 1500-byte MTU with its VXLAN header, rounded up. */
    static final int MAX_DATAGRAM = 2048;

    private final Arena arena = Arena.ofShared();
    private final MemorySegment callState = arena.allocate(CALL_STATE);
    private final MemorySegment messages = arena.allocate(MMSGHDR_SIZE * BATCH, 8);
    private final MemorySegment addresses = arena.allocate(SOCKADDR_IN_SIZE * BATCH, 8);
    private final MemorySegment iovecs = arena.allocate(IOVEC_SIZE * BATCH, 8);
    private final MemorySegment slots = arena.allocate((long) MAX_DATAGRAM * BATCH, 64);
    private final int fd;
    private int queued;
    private long refused;

    /** Sends through socket descriptor {@code fd}, which the caller keeps open, to port {@code dstPort}. */
    BatchedUdpSender(int fd, int dstPort) {
        this.fd = fd;
        for (int i = 0; i < BATCH; i++) {
            MemorySegment address = addresses.asSlice(i * SOCKADDR_IN_SIZE, SOCKADDR_IN_SIZE);
            address.set(JAVA_SHORT, 0, (short) AF_INET);
            address.set(NET_SHORT, SIN_PORT, (short) dstPort);
            MemorySegment iovec = iovecs.asSlice(i * IOVEC_SIZE, IOVEC_SIZE);
            iovec.set(JAVA_LONG, 0, slots.address() + (long) i * MAX_DATAGRAM);
            MemorySegment message = messages.asSlice(i * MMSGHDR_SIZE, MMSGHDR_SIZE);
            message.set(JAVA_LONG, MSG_NAME, address.address());
            message.set(JAVA_INT, MSG_NAMELEN, (int) SOCKADDR_IN_SIZE);
            message.set(JAVA_LONG, MSG_IOV, iovec.address());
            message.set(JAVA_LONG, MSG_IOVLEN, 1);
        }
    }

    /**
     * Queues {@code b[off..off+len)} for {@code dstIp}, sending the batch when it is full;
     * false (nothing queued) if the datagram is larger than a slot.
     */
    boolean add(int dstIp, byte[] b, int off, int len) {
        if (len > MAX_DATAGRAM) {
            return false;
        }
        int i = queued;
        MemorySegment.copy(b, off, slots, JAVA_BYTE, (long) i * MAX_DATAGRAM, len);
        addresses.set(NET_INT, i * SOCKADDR_IN_SIZE + SIN_ADDR, dstIp);
        iovecs.set(JAVA_LONG, i * IOVEC_SIZE + IOV_LEN, len);
        if (++queued == BATCH) {
            sendQueued();
        }
        return true;
    }

    /** Sends every queued datagram now. */
    void sendQueued() {
        int done = 0;
        while (done < queued) {
            int n = LinuxSockets.sendmmsg(callState, fd, messages.asSlice(done * MMSGHDR_SIZE), queued - done,
                    MSG_DONTWAIT);
            if (n > 0) {
                done += n;
                continue;
            }
            int errno = LinuxSockets.errno(callState);
            if (errno == EINTR) {
                continue;
            }
            if (errno == EAGAIN || errno == ENOBUFS) {
                refused += queued - done; // the socket buffer is full: the rest is lost, as on a full ring
                break;
            }
            refused++; // this one datagram cannot go (no route, say); the ones after it still may
            done++;
        }
        queued = 0;
    }

    /** How many datagrams the kernel refused since the last call. */
    int takeRefused() {
        int r = (int) Math.min(Integer.MAX_VALUE, refused);
        refused = 0;
        return r;
    }

    /** Frees the native slots; the socket stays open, as it belongs to the caller. */
    @Override
    public void close() {
        arena.close();
    }
}
