package org.netweave.dataplane.emulated;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.MembershipKey;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.agrona.collections.Int2ObjectHashMap;
import org.netweave.packet.Vxlan;
import org.netweave.packet.VxlanEncapsulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A VTEP's real UDP sockets: one bound to the VTEP address and VXLAN port for unicast, and one
 * per underlay multicast group the VTEP has joined. Multicast stays on the loopback interface
 * with TTL 0, so it never leaves the machine.
 *
 * <p>Unicast datagrams are queued in a {@link BatchedUdpSender} on the unicast channel's own
 * socket and leave in batches, one {@code sendmmsg(2)} each, when a batch is full or the
 * forwarding thread calls {@link #flush()} at the end of its round. Where that is not available
 * (not Linux, native access refused) every datagram goes out through the JDK channel at once, as
 * do multicast datagrams and any too big for a batch slot (after the queued ones, so the order
 * holds). The channel path copies the UDP payload (VXLAN header and inner frame) into one direct
 * buffer, which is the copy the JDK would make anyway; its destinations are cached per VTEP
 * address. Used on the owning host's forwarding thread, and closed once that thread has stopped.
 */
final class VtepSocket implements Closeable {
    private static final int SOCKET_BUFFER = 4 << 20;
    private static final int MAX_DATAGRAM = 65_536;
    /** Outer Ethernet, IPv4 and UDP headers: what a UDP socket adds itself. */
    private static final int UDP_PAYLOAD_OFFSET = VxlanEncapsulator.OVERHEAD - Vxlan.HEADER_LENGTH;
    private static final Logger log = LoggerFactory.getLogger(VtepSocket.class);

    private final DatagramChannel unicast;
    private final int port;
    private final NetworkInterface loopback;
    private final Map<Integer, DatagramChannel> groups = new HashMap<>();
    private final Map<Integer, MembershipKey> memberships = new HashMap<>();
    private final Int2ObjectHashMap<InetSocketAddress> destinations = new Int2ObjectHashMap<>();
    private final ByteBuffer sendBuffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
    /** Null where batching is not available: every datagram then goes through {@link #unicast}. */
    private final BatchedUdpSender batch;
    private SocketAddress lastSender;
    private boolean closed;
    private int lastSenderIp;

    VtepSocket(int vtepIp, int port) {
        this.port = port;
        DatagramChannel channel = null;
        try {
            this.loopback = NetworkInterface.getByName("lo");
            channel = DatagramChannel.open(StandardProtocolFamily.INET);
            this.unicast = channel;
            // No SO_REUSEADDR here: a second VTEP on the same address and port must fail to
            // bind, not silently share the datagrams (and be mistaken for this one's socket).
            unicast.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER);
            unicast.setOption(StandardSocketOptions.SO_SNDBUF, SOCKET_BUFFER);
            if (loopback != null) {
                unicast.setOption(StandardSocketOptions.IP_MULTICAST_IF, loopback);
            }
            unicast.setOption(StandardSocketOptions.IP_MULTICAST_TTL, 0);
            unicast.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
            unicast.bind(new InetSocketAddress(address(vtepIp), port));
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot bind VTEP " + org.netweave.model.Ipv4Address.toString(vtepIp) + ":" + port, e);
        }
        this.batch = openBatch(vtepIp, port);
    }

    /** A batch sender on the unicast channel's own socket, or null (logged) where there can be none. */
    private static BatchedUdpSender openBatch(int vtepIp, int port) {
        String vtep = org.netweave.model.Ipv4Address.toString(vtepIp);
        try {
            if (!LinuxSockets.available()) {
                log.info("VTEP {}: no sendmmsg(2) here; sending one datagram per system call", vtep);
                return null;
            }
            OptionalInt fd = LinuxSockets.boundSocket(vtepIp, port);
            if (fd.isEmpty()) {
                log.warn("VTEP {}: its socket was not found among the open files; sending one datagram per system call",
                        vtep);
                return null;
            }
            return new BatchedUdpSender(fd.getAsInt(), port);
        } catch (RuntimeException e) {
            log.warn("VTEP {}: batched sending unavailable ({}); sending one datagram per system call", vtep,
                    e.toString());
            return null;
        }
    }

    DatagramChannel unicastChannel() {
        return unicast;
    }

    /** Joins exactly the given groups, leaving the others; returns channels newly opened. */
    Map<Integer, DatagramChannel> syncGroups(Set<Integer> wanted) throws IOException {
        Map<Integer, DatagramChannel> opened = new HashMap<>();
        for (Integer group : Set.copyOf(groups.keySet())) {
            if (!wanted.contains(group)) {
                memberships.remove(group).drop();
                groups.remove(group).close();
            }
        }
        for (int group : wanted) {
            if (!groups.containsKey(group)) {
                DatagramChannel ch = DatagramChannel.open(StandardProtocolFamily.INET);
                ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                ch.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER);
                ch.bind(new InetSocketAddress(address(group), port));
                memberships.put(group, ch.join(address(group), loopback));
                groups.put(group, ch);
                opened.put(group, ch);
            }
        }
        return opened;
    }

    /**
     * Sends the UDP payload of the outer frame at {@code outerOff}, or queues it for the next
     * batch; false if the socket refused it at once.
     */
    boolean send(int dstIp, byte[] b, int outerOff, int len) {
        int payload = outerOff + UDP_PAYLOAD_OFFSET;
        int payloadLength = len - UDP_PAYLOAD_OFFSET;
        if (batch != null) {
            if (!isGroup(dstIp) && batch.add(dstIp, b, payload, payloadLength)) {
                return true;
            }
            batch.sendQueued();
        }
        return sendNow(dstIp, b, payload, payloadLength);
    }

    /** Sends the queued datagrams; returns how many the kernel refused since the last flush. */
    int flush() {
        if (batch == null) {
            return 0;
        }
        batch.sendQueued();
        return batch.takeRefused();
    }

    private boolean sendNow(int dstIp, byte[] b, int payload, int payloadLength) {
        InetSocketAddress to = destinations.get(dstIp);
        if (to == null) {
            to = new InetSocketAddress(address(dstIp), port);
            destinations.put(dstIp, to);
        }
        sendBuffer.clear();
        sendBuffer.put(b, payload, payloadLength);
        sendBuffer.flip();
        try {
            return unicast.send(sendBuffer, to) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** 224.0.0.0/4, the underlay multicast groups of hybrid and multicast replication. */
    private static boolean isGroup(int ip) {
        return ip >>> 28 == 0xE;
    }

    /**
     * Receives one datagram into {@code b} at {@code off}; returns its length, or -1 if none is
     * waiting. The sender's IPv4 address is then in {@link #lastSenderIp()}.
     */
    int receive(DatagramChannel ch, ByteBuffer view, int off) throws IOException {
        view.limit(view.capacity()).position(off);
        SocketAddress from = ch.receive(view);
        if (from == null) {
            return -1;
        }
        if (from != lastSender) {
            // The JDK hands back the same address object while the sender does not change, so
            // this conversion (which copies the address bytes) runs once per sender switch.
            lastSender = from;
            lastSenderIp = ipOf(((InetSocketAddress) from).getAddress());
        }
        return view.position() - off;
    }

    int lastSenderIp() {
        return lastSenderIp;
    }

    static int ipOf(InetAddress address) {
        byte[] a = ((Inet4Address) address).getAddress();
        return (a[0] & 0xff) << 24 | (a[1] & 0xff) << 16 | (a[2] & 0xff) << 8 | (a[3] & 0xff);
    }

    static InetAddress address(int ip) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) (ip >>> 24), (byte) (ip >>> 16), (byte) (ip >>> 8), (byte) ip});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        // The batch sender writes to the unicast channel's descriptor: it goes first, so that it
        // can never send on a number the kernel has already handed to another file.
        if (batch != null) {
            batch.close();
        }
        groups.values().forEach(VtepSocket::closeQuietly);
        closeQuietly(unicast);
    }

    private static void closeQuietly(DatagramChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            log.warn("closing a VTEP socket failed: {}", e.toString());
        }
    }
}
