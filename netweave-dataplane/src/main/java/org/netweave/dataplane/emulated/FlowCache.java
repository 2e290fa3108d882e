package org.netweave.dataplane.emulated;

import org.netweave.packet.Bytes;
import org.netweave.packet.Ethernet;
import org.netweave.packet.FlowHash;
import org.netweave.packet.Ipv4;

/**
 * The exact-match cache of routed flows from local VMs into tunnels — what Open vSwitch's EMC is
 * to its classifier. The key is what decided the slow path's outcome for a VM frame sent to its
 * LIF's vMAC: the ingress port and the inner IPv4 flow (address pair, protocol, port pair). The
 * value is the outcome: the next hop's MAC, the egress switch and the remote VTEP. A hit skips
 * the switch and router stages; what every routed packet still gets — header and checksum check,
 * TTL, MAC rewrite, encapsulation — the caller does.
 *
 * <p>Entries are valid only in the {@linkplain HostTables#generation tables generation} they were
 * made in, like the {@link RouteCache}: any table change makes them all stale at once. Only the
 * slow path fills it, and only for untraced packets that reached a Netweave VTEP. The flow hash,
 * which the packet needs for its tunnel anyway, picks a bucket of two entries (two-way set
 * associative, as OVS probes its EMC twice): direct mapping lost 14% of 10,000 flows to
 * collisions, two ways about 4%. A new flow takes the first entry; an older live one moves to
 * the second.
 *
 * <p>The cache is one {@code long[]} with five words per entry — the address pair; port pair,
 * protocol and ingress port; the generation; the next hop's MAC; the VNI and the VTEP — so a
 * probe follows no pointer. With 10,000 flows the probe is a cache miss whatever the layout
 * (the figures are in docs/architecture.md); a flat array keeps it to one or two lines.
 * Allocated when the first flow is remembered. Owned by the host's forwarding thread.
 */
final class FlowCache {
    static final int BUCKETS = 1 << 15;
    private static final int BUCKET_MASK = BUCKETS - 1;
    private static final int ENTRY = 5;
    private static final int BUCKET = 2 * ENTRY;
    private static final int ADDRESSES = 0;
    private static final int KEY = 1;
    private static final int GENERATION = 2;
    private static final int NEXT_HOP_MAC = 3;
    private static final int VNI_VTEP = 4;
    private static final int MAX_PORT = 1 << 24;

    private long[] slots;

    /**
     * The entry of the IPv4 flow if it is known, else -1; {@code hash} is its {@link FlowHash},
     * {@code addresses}, {@code protocol} and {@code ports} its key fields as {@link #addresses},
     * {@link Ipv4#protocol} and {@link FlowHash#ports} read them.
     */
    int find(int port, long addresses, int protocol, int ports, int hash, long generation) {
        long[] s = slots;
        if (s == null) {
            return -1;
        }
        long key = key(port, protocol, ports);
        int first = bucket(hash);
        if (matches(s, first, addresses, key, generation)) {
            return first;
        }
        int second = first + ENTRY;
        return matches(s, second, addresses, key, generation) ? second : -1;
    }

    private static boolean matches(long[] s, int i, long addresses, long key, long generation) {
        return s[i + ADDRESSES] == addresses && s[i + KEY] == key && s[i + GENERATION] == generation;
    }

    long nextHopMac(int entry) {
        return slots[entry + NEXT_HOP_MAC];
    }

    int vni(int entry) {
        return (int) (slots[entry + VNI_VTEP] >>> 32);
    }

    int vtep(int entry) {
        return (int) slots[entry + VNI_VTEP];
    }

    /** Remembers where the slow path sent the flow of the (not yet rewritten) IPv4 frame at {@code off}. */
    void remember(int port, byte[] b, int off, int len, long generation, long nextHopMac, int vni, int vtep) {
        if (port >= MAX_PORT) {
            return; // beyond what an entry's key holds: such ports take the slow path
        }
        if (slots == null) {
            slots = new long[BUCKETS * BUCKET];
        }
        int ip = off + Ethernet.HEADER_LENGTH;
        int protocol = Ipv4.protocol(b, ip);
        long addresses = addresses(b, ip);
        int ports = FlowHash.ports(b, ip, len - Ethernet.HEADER_LENGTH, protocol);
        long key = key(port, protocol, ports);
        int i = bucket(FlowHash.ofIpv4(addresses, protocol, ports));
        boolean firstIsAnotherLiveFlow = slots[i + GENERATION] == generation
                && !(slots[i + ADDRESSES] == addresses && slots[i + KEY] == key);
        if (firstIsAnotherLiveFlow) {
            System.arraycopy(slots, i, slots, i + ENTRY, ENTRY);
        }
        slots[i + ADDRESSES] = addresses;
        slots[i + KEY] = key;
        slots[i + GENERATION] = generation;
        slots[i + NEXT_HOP_MAC] = nextHopMac;
        slots[i + VNI_VTEP] = (long) vni << 32 | (vtep & 0xFFFF_FFFFL);
    }

    /** The source and destination address of the IPv4 header at {@code ip}, as one word. */
    static long addresses(byte[] b, int ip) {
        return Bytes.u64(b, ip + Ipv4.SRC_OFFSET);
    }

    private static int bucket(int hash) {
        return (hash & BUCKET_MASK) * BUCKET;
    }

    /** Port pair, protocol and ingress port index in one word. */
    private static long key(int port, int protocol, int ports) {
        return (long) ports << 32 | (long) protocol << 24 | port;
    }
}
