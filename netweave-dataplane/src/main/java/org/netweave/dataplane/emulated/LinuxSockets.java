package org.netweave.dataplane.emulated;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The Linux socket calls the batched VTEP path makes through the FFM API, and the layouts of the
 * structs they take on 64-bit Linux (x86-64 and AArch64 lay them out alike). Every call captures
 * {@code errno}. The handles are looked up when the class loads; {@link #available()} is false
 * off Linux or where native access is refused, and callers then keep to the JDK's channels.
 */
final class LinuxSockets {
    static final int AF_INET = 2;
    static final int SOCK_DGRAM = 2;
    static final int SOCK_NONBLOCK = 0x800;
    static final int SOCK_CLOEXEC = 0x8_0000;
    static final int SOL_SOCKET = 1;
    static final int SO_SNDBUF = 7;
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

    static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();

    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Handles HANDLES = Handles.load();

    /** The downcall handles, or all null where they cannot be had. */
    private record Handles(MethodHandle socket, MethodHandle bind, MethodHandle setsockopt, MethodHandle sendmmsg,
            MethodHandle close) {
        static Handles load() {
            if (!"Linux".equals(System.getProperty("os.name"))) {
                return new Handles(null, null, null, null, null);
            }
            try {
                return new Handles(
                        find("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT)),
                        find("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT)),
                        find("setsockopt", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT)),
                        find("sendmmsg", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT)),
                        find("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT)));
            } catch (RuntimeException e) {
                return new Handles(null, null, null, null, null);
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
        return HANDLES.sendmmsg() != null;
    }

    static int errno(MemorySegment callState) {
        return (int) ERRNO.get(callState, 0L);
    }

    static int socket(MemorySegment callState, int domain, int type, int protocol) {
        try {
            return (int) HANDLES.socket().invokeExact(callState, domain, type, protocol);
        } catch (Throwable t) {
            throw new IllegalStateException("socket(2) failed to run", t);
        }
    }

    static int bind(MemorySegment callState, int fd, MemorySegment address, int addressLength) {
        try {
            return (int) HANDLES.bind().invokeExact(callState, fd, address, addressLength);
        } catch (Throwable t) {
            throw new IllegalStateException("bind(2) failed to run", t);
        }
    }

    static int setsockopt(MemorySegment callState, int fd, int level, int option, MemorySegment value, int length) {
        try {
            return (int) HANDLES.setsockopt().invokeExact(callState, fd, level, option, value, length);
        } catch (Throwable t) {
            throw new IllegalStateException("setsockopt(2) failed to run", t);
        }
    }

    static int sendmmsg(MemorySegment callState, int fd, MemorySegment messages, int count, int flags) {
        try {
            return (int) HANDLES.sendmmsg().invokeExact(callState, fd, messages, count, flags);
        } catch (Throwable t) {
            throw new IllegalStateException("sendmmsg(2) failed to run", t);
        }
    }

    static int close(MemorySegment callState, int fd) {
        try {
            return (int) HANDLES.close().invokeExact(callState, fd);
        } catch (Throwable t) {
            throw new IllegalStateException("close(2) failed to run", t);
        }
    }
}
