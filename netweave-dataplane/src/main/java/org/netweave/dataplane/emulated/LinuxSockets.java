package org.netweave.dataplane.emulated;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * The Linux socket calls the batched VTEP path makes through the FFM API, and the layouts of the
 * structs they take on 64-bit Linux (x86-64 and AArch64 lay them out alike). Every call captures
 * {@code errno}. The handles are looked up when the class loads; {@link #available()} is false
 * off Linux or where native access is refused, and callers then keep to the JDK's channels.
 */
final class LinuxSockets {
    static final int AF_INET = 2;
    static final int MSG_DONTWAIT = 0x40;
    static final int EINTR = 4;
    static final int EAGAIN = 11;
    static final int ENOBUFS = 105;

    /** {@code struct sockaddr_in}: family, then port and address in network byte order, then 8 zero bytes. */
    static final long SOCKADDR_IN_SIZE = 16;
    static final long SIN_PORT = 2;
    static final long SIN_ADDR = 4;
    /** {@code struct iovec}: base pointer and length. */
    static final long IOVEC_SIZE = 16;
    static final long IOV_LEN = 8;
    /** {@code struct mmsghdr}: a 56-byte {@code struct msghdr}, then the length sent, padded to 64. */
    static final long MMSGHDR_SIZE = 64;
    static final long MSG_NAME = 0;
    static final long MSG_NAMELEN = 8;
    static final long MSG_IOV = 16;
    static final long MSG_IOVLEN = 24;

    static final ValueLayout.OfShort NET_SHORT = JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN);
    static final ValueLayout.OfInt NET_INT = JAVA_INT.withOrder(ByteOrder.BIG_ENDIAN);
    static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();

    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Path OPEN_FILES = Path.of("/proc/self/fd");
    private static final Handles HANDLES = Handles.load();

    /** The downcall handles, or all null where they cannot be had. */
    private record Handles(MethodHandle getsockname, MethodHandle sendmmsg) {
        static Handles load() {
            if (!"Linux".equals(System.getProperty("os.name"))) {
                return new Handles(null, null);
            }
            try {
                return new Handles(
                        find("getsockname", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS)),
                        find("sendmmsg", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT)));
            } catch (RuntimeException e) {
                return new Handles(null, null);
            }
        }

        private static MethodHandle find(String name, FunctionDescriptor descriptor) {
            Linker linker = Linker.nativeLinker();
            MemorySegment symbol = linker.defaultLookup().find(name)
                    .orElseThrow(() -> new UnsupportedOperationException("no " + name + " in the C library"));
            return linker.downcallHandle(symbol, descriptor, Linker.Option.captureCallState("errno"));
        }
    }

    private LinuxSockets() {
    }

    static boolean available() {
        return HANDLES.sendmmsg() != null && Files.isDirectory(OPEN_FILES);
    }

    static int errno(MemorySegment callState) {
        return (int) ERRNO.get(callState, 0L);
    }

    /**
     * The file descriptor of this process's IPv4 socket bound to {@code ip:port}. The JDK does not
     * hand out a channel's descriptor, so this asks each open descriptor for its bound address;
     * an address and port pair is bound by one socket only.
     */
    static OptionalInt boundSocket(int ip, int port) {
        List<Integer> fds;
        try (Stream<Path> open = Files.list(OPEN_FILES)) {
            fds = open.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .map(Integer::valueOf).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + OPEN_FILES, e);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            MemorySegment address = arena.allocate(SOCKADDR_IN_SIZE, 8);
            MemorySegment length = arena.allocate(JAVA_INT);
            for (int fd : fds) {
                length.set(JAVA_INT, 0, (int) SOCKADDR_IN_SIZE);
                if (getsockname(state, fd, address, length) == 0 && address.get(JAVA_SHORT, 0) == AF_INET
                        && address.get(NET_INT, SIN_ADDR) == ip && (address.get(NET_SHORT, SIN_PORT) & 0xFFFF) == port) {
                    return OptionalInt.of(fd);
                }
            }
        }
        return OptionalInt.empty();
    }

    private static int getsockname(MemorySegment callState, int fd, MemorySegment address, MemorySegment length) {
        try {
            return (int) HANDLES.getsockname().invokeExact(callState, fd, address, length);
        } catch (Throwable t) {
            throw new IllegalStateException("getsockname(2) failed to run", t);
        }
    }

    static int sendmmsg(MemorySegment callState, int fd, MemorySegment messages, int count, int flags) {
        try {
            return (int) HANDLES.sendmmsg().invokeExact(callState, fd, messages, count, flags);
        } catch (Throwable t) {
            throw new IllegalStateException("sendmmsg(2) failed to run", t);
        }
    }
}
