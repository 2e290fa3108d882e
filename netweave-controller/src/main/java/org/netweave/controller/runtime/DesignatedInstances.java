package org.netweave.controller.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Optional;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.LifId;

/**
 * Chooses the designated instance of a VLAN LIF: the one host that answers ARP for the LIF on the
 * VLAN and that the other hosts ask (NSX-V reference §2.6).
 *
 * <p>The rule is rendezvous hashing (highest random weight): every joined host gets a weight
 * hashed from (DLR, LIF, host) and the heaviest wins, ties going to the smaller host id. It is a
 * function of the joined hosts only, never of their join order, so a new owner that rebuilds the
 * DLR after a failover, with hosts re-joining in any order, picks the same hosts and the data
 * plane sees no flap. When the designated host leaves, the next heaviest takes over; when another
 * host leaves, nothing moves; when a host joins, it takes over only the LIFs it outweighs (about
 * one in n), which is the price of not depending on history. Different LIFs spread over hosts.
 *
 * <p>The hash (64-bit FNV-1a over the UTF-8 ids, finished with MurmurHash3's fmix64) is fixed so
 * every controller node and every release computes the same choice.
 */
public final class DesignatedInstances {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private DesignatedInstances() {
    }

    /** The designated instance among {@code hosts}, or empty when no host is joined. */
    public static Optional<HostId> choose(DlrId dlr, LifId lif, Collection<HostId> hosts) {
        HostId best = null;
        for (HostId host : hosts) {
            if (best == null || outranks(dlr, lif, host, best)) {
                best = host;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether {@code candidate} would be chosen over {@code current}: so a joining host is checked in O(1). */
    public static boolean outranks(DlrId dlr, LifId lif, HostId candidate, HostId current) {
        long c = weight(dlr, lif, candidate);
        long w = weight(dlr, lif, current);
        return c > w || (c == w && candidate.compareTo(current) < 0);
    }

    static long weight(DlrId dlr, LifId lif, HostId host) {
        long h = FNV_OFFSET;
        h = fnv(h, dlr.value());
        h = fnv(h, lif.value());
        h = fnv(h, host.value());
        return fmix64(h);
    }

    /** Each id is followed by a 0 byte, which no id contains, so ("ab","c") and ("a","bc") differ. */
    private static long fnv(long h, String text) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * FNV_PRIME;
        }
        return h * FNV_PRIME;
    }

    private static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
