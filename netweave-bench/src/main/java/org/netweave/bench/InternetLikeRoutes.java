package org.netweave.bench;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.netweave.model.Ipv4Prefix;

/**
 * Synthetic routing tables with the prefix-length mix of an Internet table, and destination
 * addresses to look up in them. Prefixes are spread uniformly over 1.0.0.0–223.255.255.255,
 * which is harsher on memory and caches than a real, clustered table: almost every /16 gets a
 * node once the table is large.
 *
 * @param prefixes network addresses
 * @param lengths  prefix lengths
 * @param values   next-hop indexes (one of 256)
 */
public record InternetLikeRoutes(int[] prefixes, int[] lengths, int[] values) {
    /** Per mille of routes with each length: 58% /24, 20% /22–/23, 17% /16–/21, 1% /8–/15, 4% /25–/32. */
    private static final int[][] MIX = {
            {8, 3}, {10, 1}, {11, 1}, {12, 1}, {13, 1}, {14, 1}, {15, 2},
            {16, 15}, {17, 10}, {18, 20}, {19, 35}, {20, 40}, {21, 50},
            {22, 90}, {23, 110}, {24, 580},
            {25, 5}, {26, 5}, {27, 5}, {28, 5}, {29, 5}, {30, 5}, {31, 2}, {32, 8},
    };

    public int size() {
        return prefixes.length;
    }

    /** {@code count} distinct routes, the same for the same seed. */
    public static InternetLikeRoutes generate(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] prefixes = new int[count];
        int[] lengths = new int[count];
        int[] values = new int[count];
        Set<Long> seen = new HashSet<>(count * 2);
        for (int i = 0; i < count; ) {
            int length = randomLength(random);
            int address = (int) random.nextLong(0x0100_0000L, 0xE000_0000L);
            int prefix = address & Ipv4Prefix.mask(length);
            if (seen.add(((long) length << 32) | Integer.toUnsignedLong(prefix))) {
                prefixes[i] = prefix;
                lengths[i] = length;
                values[i] = random.nextInt(256);
                i++;
            }
        }
        return new InternetLikeRoutes(prefixes, lengths, values);
    }

    /**
     * Destination addresses: {@code hitPercent}% inside a random route (anywhere in it, so its
     * edges too), the rest uniformly random over the whole space, most of which miss.
     */
    public int[] destinations(int count, int hitPercent, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] addresses = new int[count];
        for (int i = 0; i < count; i++) {
            if (random.nextInt(100) < hitPercent) {
                int route = random.nextInt(size());
                addresses[i] = prefixes[route] | (random.nextInt() & ~Ipv4Prefix.mask(lengths[route]));
            } else {
                addresses[i] = random.nextInt();
            }
        }
        return addresses;
    }

    private static int randomLength(SplittableRandom random) {
        int roll = random.nextInt(1000);
        for (int[] share : MIX) {
            roll -= share[1];
            if (roll < 0) {
                return share[0];
            }
        }
        throw new AssertionError("the mix adds up to " + (1000 - roll));
    }
}
