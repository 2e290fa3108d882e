package org.netweave.dataplane.emulated;

import org.netweave.dataplane.DropReason;

/**
 * Routed packets waiting for their next hop's MAC, one per (logical switch, next hop), as Linux
 * keeps a short queue per unresolved neighbour. The slots are allocated once; holding a packet
 * copies it, which only happens on the slow path of an ARP miss. A newer packet for the same
 * next hop replaces the older one, and a packet not released within {@link #TIMEOUT_NANOS} is
 * dropped; both count as {@link DropReason#NO_ARP}.
 */
final class HeldPackets {
    static final long TIMEOUT_NANOS = 1_000_000_000L;
    static final long PROBE_INTERVAL_NANOS = 200_000_000L;
    private static final int SLOTS = 32;
    private static final int SLOT_BYTES = Pipeline.HEADROOM + 2048;

    private final SwitchInstance[] ls = new SwitchInstance[SLOTS];
    private final int[] nextHop = new int[SLOTS];
    private final int[] length = new int[SLOTS];
    private final int[] trace = new int[SLOTS];
    private final long[] heldAt = new long[SLOTS];
    private final long[] probedAt = new long[SLOTS];
    private final boolean[] sending = new boolean[SLOTS];
    private final byte[][] frame = new byte[SLOTS][SLOT_BYTES];
    private final Counters counters;

    HeldPackets(Counters counters) {
        this.counters = counters;
    }

    /** Keeps a copy of the frame; returns whether a probe for the next hop is due. */
    boolean hold(SwitchInstance s, int ip, byte[] b, int off, int len, int traceId, long now) {
        if (len > SLOT_BYTES - Pipeline.HEADROOM) {
            counters.drop(DropReason.NO_ARP);
            return false;
        }
        int slot = find(s, ip);
        boolean probe;
        if (slot >= 0) {
            counters.drop(DropReason.NO_ARP);
            probe = now - probedAt[slot] >= PROBE_INTERVAL_NANOS;
        } else {
            slot = freeOrOldest();
            if (slot < 0) {
                counters.drop(DropReason.NO_ARP);
                return false;
            }
            if (ls[slot] != null) {
                counters.drop(DropReason.NO_ARP);
            }
            probe = true;
        }
        ls[slot] = s;
        nextHop[slot] = ip;
        length[slot] = len;
        trace[slot] = traceId;
        heldAt[slot] = now;
        if (probe) {
            probedAt[slot] = now;
        }
        System.arraycopy(b, off, frame[slot], Pipeline.HEADROOM, len);
        return probe;
    }

    /** Hands every packet waiting for {@code ip} on {@code s} to {@code release}, addressed to {@code mac}. */
    void release(SwitchInstance s, int ip, long mac, Releaser release) {
        for (int i = 0; i < SLOTS; i++) {
            if (ls[i] == s && nextHop[i] == ip) {
                ls[i] = null;
                sending[i] = true; // its frame is in use until the send returns: not free for a hold meanwhile
                try {
                    release.send(s, mac, frame[i], Pipeline.HEADROOM, length[i], trace[i]);
                } finally {
                    sending[i] = false;
                }
            }
        }
    }

    void expire(long now) {
        for (int i = 0; i < SLOTS; i++) {
            if (ls[i] != null && now - heldAt[i] >= TIMEOUT_NANOS) {
                ls[i] = null;
                counters.drop(DropReason.NO_ARP);
            }
        }
    }

    /** Forgets packets of a switch that went away. */
    void forget(SwitchInstance s) {
        for (int i = 0; i < SLOTS; i++) {
            if (ls[i] == s) {
                ls[i] = null;
            }
        }
    }

    private int find(SwitchInstance s, int ip) {
        for (int i = 0; i < SLOTS; i++) {
            if (ls[i] == s && nextHop[i] == ip) {
                return i;
            }
        }
        return -1;
    }

    /** A free slot, else the one held longest; -1 if every slot is being sent. */
    private int freeOrOldest() {
        int oldest = -1;
        for (int i = 0; i < SLOTS; i++) {
            if (sending[i]) {
                continue;
            }
            if (ls[i] == null) {
                return i;
            }
            if (oldest < 0 || heldAt[i] < heldAt[oldest]) {
                oldest = i;
            }
        }
        return oldest;
    }

    @FunctionalInterface
    interface Releaser {
        void send(SwitchInstance ls, long mac, byte[] b, int off, int len, int trace);
    }
}
