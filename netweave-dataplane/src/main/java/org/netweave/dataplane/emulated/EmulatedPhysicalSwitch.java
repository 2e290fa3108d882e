package org.netweave.dataplane.emulated;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import org.agrona.collections.Long2LongHashMap;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.VlanId;
import org.netweave.packet.Dot1q;
import org.netweave.packet.Ethernet;

/**
 * A learning 802.1Q switch of the physical network: trunk ports to hypervisor uplinks (frames
 * travel tagged inside UDP datagrams on loopback, one socket for all trunks) and access ports
 * with physical-server endpoints on one VLAN each. It learns (VLAN, MAC) → port and floods
 * unknown and broadcast destinations within the VLAN — seed 004's "physical switch".
 */
public final class EmulatedPhysicalSwitch implements Closeable {
    private static final int HEADROOM = Pipeline.HEADROOM;

    private final String name;
    private final EventLoop loop;
    private final DatagramChannel socket;
    private final ByteBuffer sendBuffer = ByteBuffer.allocateDirect(65_536);
    private final byte[] rx = new byte[HEADROOM + 65_536];
    private final ByteBuffer rxView = ByteBuffer.wrap(rx);
    private final List<SocketAddress> trunks = new ArrayList<>();
    private final List<AccessPort> access = new ArrayList<>();
    /** (VLAN << 48 | MAC) → port number: trunks are 0..n-1, access ports 1000+i. */
    private final Long2LongHashMap learned = new Long2LongHashMap(64, 0.5f, -1L);

    private record AccessPort(int vlan, EmulatedEndpoint endpoint) {
    }

    public EmulatedPhysicalSwitch(String name, Ipv4Address address) {
        this.name = name;
        this.loop = new EventLoop("pswitch-" + name);
        try {
            socket = DatagramChannel.open(StandardProtocolFamily.INET);
            socket.bind(new InetSocketAddress(VtepSocket.address(address.value()), 0));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open physical switch " + name, e);
        }
        loop.start();
        loop.register(socket, this::receive);
    }

    /** Where trunks send their frames. */
    public InetSocketAddress address() {
        return loop.call(() -> (InetSocketAddress) socket.getLocalAddress());
    }

    /** Adds a trunk port towards a hypervisor uplink. */
    public void addTrunk(InetSocketAddress peer) {
        loop.run(() -> trunks.add(peer));
    }

    /** Plugs a physical server into a new access port on {@code vlan}. */
    public void plug(EmulatedEndpoint server, VlanId vlan) {
        loop.run(() -> {
            int port = 1000 + access.size();
            access.add(new AccessPort(vlan.value(), server));
            server.attach(new AccessNic(port, vlan.value()));
        });
    }

    /** Which port the switch learned a MAC on in a VLAN: "trunk-N", "access-N", or null. */
    public String learnedPort(VlanId vlan, MacAddress mac) {
        long port = loop.call(() -> learned.get(key(vlan.value(), mac.value())));
        return port < 0 ? null : port >= 1000 ? "access-" + (port - 1000) : "trunk-" + port;
    }

    private static long key(int vlan, long mac) {
        return (long) vlan << 48 | mac;
    }

    private void receive() throws IOException {
        for (int i = 0; i < 64; i++) {
            rxView.limit(rxView.capacity()).position(HEADROOM);
            SocketAddress from = socket.receive(rxView);
            if (from == null) {
                return;
            }
            int port = trunks.indexOf(from);
            int len = rxView.position() - HEADROOM;
            if (port < 0 || len < Ethernet.HEADER_LENGTH + Dot1q.TAG_LENGTH || !Dot1q.isTagged(rx, HEADROOM)) {
                continue; // not one of our trunks, or untagged on a trunk: a real switch drops it too
            }
            int vlan = Dot1q.vid(rx, HEADROOM + Dot1q.TAG_OFFSET);
            int off = Dot1q.pop(rx, HEADROOM);
            forward(port, vlan, rx, off, len - Dot1q.TAG_LENGTH);
        }
    }

    /** Switches an untagged frame that came in on {@code inPort} in {@code vlan}. */
    private void forward(int inPort, int vlan, byte[] b, int off, int len) {
        long src = Ethernet.src(b, off);
        if (!MacAddress.isMulticast(src)) {
            learned.put(key(vlan, src), inPort);
        }
        long dst = Ethernet.dst(b, off);
        long out = MacAddress.isMulticast(dst) ? -1 : learned.get(key(vlan, dst));
        if (out >= 0) {
            if (out != inPort) {
                send((int) out, vlan, b, off, len);
            }
            return;
        }
        for (int t = 0; t < trunks.size(); t++) {
            if (t != inPort) {
                send(t, vlan, b, off, len);
            }
        }
        for (int a = 0; a < access.size(); a++) {
            if (1000 + a != inPort && access.get(a).vlan == vlan) {
                send(1000 + a, vlan, b, off, len);
            }
        }
    }

    private void send(int port, int vlan, byte[] b, int off, int len) {
        if (port >= 1000) {
            access.get(port - 1000).endpoint.receive(b, off, len);
            return;
        }
        int tagged = Dot1q.push(b, off, Dot1q.tci(0, false, vlan));
        sendBuffer.clear();
        sendBuffer.put(b, tagged, len + Dot1q.TAG_LENGTH).flip();
        Dot1q.pop(b, tagged);
        try {
            socket.send(sendBuffer, trunks.get(port));
        } catch (IOException e) {
            // A trunk whose peer went away: the frame is lost, as on a dead link.
        }
    }

    @Override
    public void close() {
        loop.close();
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "physical switch " + name;
    }

    /** An access port as its physical server sees it. */
    private final class AccessNic implements Nic {
        private final int port;
        private final int vlan;

        AccessNic(int port, int vlan) {
            this.port = port;
            this.vlan = vlan;
        }

        @Override
        public void transmit(byte[] frame, int off, int len) {
            // Servers answer from inside a delivery; copying first keeps the frame being
            // flooded intact. The switch has no queue, so the nested forward runs right away.
            byte[] copy = new byte[HEADROOM + len];
            System.arraycopy(frame, off, copy, HEADROOM, len);
            forward(port, vlan, copy, HEADROOM, len);
        }

        @Override
        public EventLoop loop() {
            return loop;
        }
    }
}
