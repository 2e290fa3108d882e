package org.netweave.dataplane.emulated;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.agrona.collections.Long2LongHashMap;
import org.netweave.model.EndpointId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.MacAddress;
import org.netweave.packet.Arp;
import org.netweave.packet.ArpFrames;
import org.netweave.packet.Ethernet;
import org.netweave.packet.Icmp;
import org.netweave.packet.IcmpFrames;
import org.netweave.packet.Ipv4;

/**
 * A minimal IPv4 host — an emulated VM, or a physical server on a VLAN — with one interface: it
 * answers ARP and ICMP echo, resolves its next hop (the destination on its own subnet, else its
 * gateway) with ARP, pings, and sends and counts UDP. It runs on the forwarding thread of the
 * switch it is plugged into; its public methods hand work to that thread.
 */
public class EmulatedEndpoint implements PortEndpoint {
    private static final long ARP_RETRY_NANOS = 100_000_000L;
    private static final int FRAME_BYTES = 2048;
    /** The largest UDP payload {@link #sendUdp} sends: what fits in a 1500-byte IP packet. */
    public static final int MAX_PAYLOAD = 1500 - 28;

    private final EndpointId id;
    private final MacAddress mac;
    private final Ipv4InterfaceAddress address;
    private final Ipv4Address gateway;
    private final Long2LongHashMap arpCache = new Long2LongHashMap(16, 0.5f, -1L);
    private final List<byte[]> waitingForArp = new ArrayList<>();
    private final byte[] out = new byte[FRAME_BYTES];
    private final Pinger pinger = new Pinger(this);
    private final UdpCounters udp = new UdpCounters();
    private long lastArpRequest;
    private volatile long framesReceived;
    private volatile long framesSent;
    // Volatile: a vMotion re-plugs the endpoint from another thread while API threads read it.
    private volatile Nic nic;

    public EmulatedEndpoint(EndpointId id, MacAddress mac, Ipv4InterfaceAddress address, Ipv4Address gateway) {
        this.id = id;
        this.mac = mac;
        this.address = address;
        this.gateway = gateway;
    }

    public EndpointId id() {
        return id;
    }

    public MacAddress mac() {
        return mac;
    }

    public Ipv4InterfaceAddress address() {
        return address;
    }

    void attach(Nic nic) {
        this.nic = nic;
    }

    Nic nic() {
        if (nic == null) {
            throw new IllegalStateException(id + " is not plugged in");
        }
        return nic;
    }

    /** Sends {@code count} echo requests, one every {@code intervalMillis}, and waits {@code timeoutMillis} after the last. */
    public CompletableFuture<PingResult> ping(Ipv4Address target, int count, long intervalMillis, long timeoutMillis) {
        return pinger.start(target, count, intervalMillis, timeoutMillis);
    }

    /**
     * Sends {@code count} UDP datagrams of {@code payloadLength} bytes to {@code target} at
     * {@code ratePps}, after resolving the next hop; completes when the last is sent.
     */
    public CompletableFuture<UdpSendReport> sendUdp(Ipv4Address target, int dstPort, int payloadLength, long count,
            long ratePps) {
        return new UdpGenerator(this, target, dstPort, payloadLength, count, ratePps).start();
    }

    public UdpCounters udp() {
        return udp;
    }

    /** What this endpoint has in its ARP cache for {@code ip}, or null. Call from any thread. */
    public MacAddress arpEntry(Ipv4Address ip) {
        long m = nic().loop().call(() -> arpCache.get(ip.value() & 0xFFFF_FFFFL));
        return m < 0 ? null : MacAddress.of(m);
    }

    /** Frames delivered to this endpoint's interface, whether or not it kept them. */
    public long framesReceived() {
        return framesReceived;
    }

    /** Frames this endpoint transmitted. */
    public long framesSent() {
        return framesSent;
    }

    /** Sends a frame as is; every transmission of the endpoint goes through here. */
    void send(byte[] frame, int off, int len) {
        framesSent = framesSent + 1; // single writer: the endpoint's forwarding thread
        nic().transmit(frame, off, len);
    }

    @Override
    public void receive(byte[] b, int off, int len) {
        framesReceived = framesReceived + 1;
        if (len < Ethernet.HEADER_LENGTH) {
            return;
        }
        long dst = Ethernet.dst(b, off);
        if (dst != mac.value() && !MacAddress.isMulticast(dst)) {
            return; // not for us (flooded unknown unicast)
        }
        switch (Ethernet.etherType(b, off)) {
            case Ethernet.TYPE_ARP -> receiveArp(b, off, len);
            case Ethernet.TYPE_IPV4 -> receiveIpv4(b, off, len);
            default -> { }
        }
    }

    private void receiveArp(byte[] b, int off, int len) {
        int a = off + Ethernet.HEADER_LENGTH;
        if (!Arp.isValid(b, a, len - Ethernet.HEADER_LENGTH)) {
            return;
        }
        int spa = Arp.spa(b, a);
        long sha = Arp.sha(b, a);
        boolean forUs = Arp.tpa(b, a) == address.address().value();
        if (Arp.op(b, a) == Arp.OP_REQUEST) {
            if (!forUs) {
                return; // VM2 "disregards the frame and drops it" (seed 004)
            }
            if (spa != 0) {
                learn(spa, sha);
            }
            int n = ArpFrames.reply(out, 0, mac.value(), address.address().value(), sha, spa);
            send(out, 0, n);
        } else if (spa != 0) {
            learn(spa, sha);
        }
    }

    private void learn(int ip, long hw) {
        arpCache.put(ip & 0xFFFF_FFFFL, hw);
        if (!waitingForArp.isEmpty()) {
            List<byte[]> pending = List.copyOf(waitingForArp);
            waitingForArp.clear();
            pending.forEach(frame -> transmitIp(frame, 0, frame.length));
        }
    }

    private void receiveIpv4(byte[] b, int off, int len) {
        int ip = off + Ethernet.HEADER_LENGTH;
        if (!Ipv4.isHeaderValid(b, ip, len - Ethernet.HEADER_LENGTH)) {
            return;
        }
        int dst = Ipv4.dst(b, ip);
        if (dst != address.address().value()) {
            return;
        }
        int l4 = ip + Ipv4.headerLength(b, ip);
        int l4Len = Ipv4.totalLength(b, ip) - Ipv4.headerLength(b, ip);
        switch (Ipv4.protocol(b, ip)) {
            case Ipv4.PROTOCOL_ICMP -> receiveIcmp(b, off, len, ip, l4, l4Len);
            case Ipv4.PROTOCOL_UDP -> udp.received(l4Len);
            default -> { }
        }
    }

    private void receiveIcmp(byte[] b, int off, int len, int ip, int icmp, int icmpLen) {
        if (!Icmp.isValid(b, icmp, icmpLen)) {
            return;
        }
        int type = Icmp.type(b, icmp);
        if (type == Icmp.TYPE_ECHO_REQUEST && len <= out.length) {
            // Like a real IP stack, the reply is routed by our own table (gateway or direct), not
            // sent back to whatever MAC the request came from.
            System.arraycopy(b, off, out, 0, len);
            IcmpFrames.echoReplyInPlace(out, 0);
            Ethernet.setSrc(out, 0, mac.value());
            transmitIp(out, 0, len);
        } else if (type == Icmp.TYPE_ECHO_REPLY) {
            pinger.reply(Ipv4.src(b, ip), Icmp.identifier(b, icmp), Icmp.sequence(b, icmp), Ipv4.ttl(b, ip));
        } else if (Icmp.isError(type)) {
            pinger.error(Ipv4.src(b, ip), type, Icmp.code(b, icmp));
        }
    }

    /**
     * Sends an IPv4 frame whose Ethernet destination is still to be filled in: resolves the next
     * hop from the ARP cache, or asks for it and keeps the frame until the answer comes.
     */
    void transmitIp(byte[] frame, int off, int len) {
        int nextHop = nextHopFor(Ipv4.dst(frame, off + Ethernet.HEADER_LENGTH));
        long hw = arpCache.get(nextHop & 0xFFFF_FFFFL);
        if (hw >= 0) {
            Ethernet.setDst(frame, off, hw);
            send(frame, off, len);
            return;
        }
        if (waitingForArp.size() < 16) {
            byte[] copy = new byte[len];
            System.arraycopy(frame, off, copy, 0, len);
            waitingForArp.add(copy);
        }
        requestArp(nextHop);
    }

    /**
     * The MAC of the next hop towards {@code ip}, or -1 after asking for it with ARP (at most one
     * request per {@code ARP_RETRY_NANOS}). Call on the endpoint's forwarding thread.
     */
    long resolveNextHop(int ip) {
        int nextHop = nextHopFor(ip);
        long hw = arpCache.get(nextHop & 0xFFFF_FFFFL);
        if (hw < 0) {
            requestArp(nextHop);
        }
        return hw;
    }

    private void requestArp(int nextHop) {
        long now = System.nanoTime();
        if (now - lastArpRequest >= ARP_RETRY_NANOS) {
            lastArpRequest = now;
            int n = ArpFrames.request(out, 0, mac.value(), address.address().value(), nextHop);
            send(out, 0, n);
        }
    }

    /** The destination itself if it is on our subnet (or we have no gateway), else the gateway. */
    private int nextHopFor(int ip) {
        return address.subnet().contains(ip) || gateway == null ? ip : gateway.value();
    }

    @Override
    public String toString() {
        return id + " " + address + " " + mac;
    }
}
