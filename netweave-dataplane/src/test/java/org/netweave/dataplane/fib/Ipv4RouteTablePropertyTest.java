package org.netweave.dataplane.fib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv4.IPv4AddressAssociativeTrie;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Random route deltas against two oracles: {@link NaiveLpm} for short sequences that pile many
 * overlapping prefixes onto a few addresses (run on every trie shape, pinned), and the IPAddress
 * library's trie for big tables that cross between the small and the big shape both ways.
 */
class Ipv4RouteTablePropertyTest {
    /** Addresses where routes of every length nest and collide, including both ends of the space. */
    private static final List<Integer> ANCHORS = List.of(0x0A00_0000, 0x0A01_02C8, 0x0A01_FFFF, 0x0A01_0000,
            0xC0A8_0180, 0x0000_0000, 0xFFFF_FFFF, 0x8000_0000);

    record Op(boolean put, int prefix, int length, int value) {
        @Override
        public String toString() {
            String route = Ipv4Address.toString(prefix) + "/" + length;
            return put ? "put " + route + " " + value : "remove " + route;
        }
    }

    private static Gen<Op> ops() {
        Gen<Integer> addresses = Generate.pick(ANCHORS)
                .zip(integers().between(-1, 31), (anchor, bit) -> bit < 0 ? anchor : anchor ^ (1 << bit));
        return integers().between(0, 9).zip(addresses, integers().between(0, 32), integers().between(0, 4),
                (kind, address, length, value) -> new Op(kind < 6, address & Ipv4Prefix.mask(length), length, value));
    }

    @ParameterizedTest(name = "root {0} bits, stride {1}")
    @CsvSource({"8, 4", "16, 8", "8, 8", "16, 4", "8, 2"})
    void overlappingInsertsAndDeletesMatchTheNaiveOracleAtEveryPrefixBoundary(int rootBits, int stride) {
        qt().withExamples(300).forAll(lists().of(ops()).ofSizeBetween(1, 120)).checkAssert(ops -> {
            Ipv4RouteTable table = Ipv4RouteTable.withFixedShape(rootBits, stride);
            NaiveLpm oracle = new NaiveLpm();
            Set<Integer> everywhere = new LinkedHashSet<>(ANCHORS);
            for (Op op : ops) {
                if (op.put()) {
                    table.put(op.prefix(), op.length(), op.value());
                    oracle.put(op.prefix(), op.length(), op.value());
                } else {
                    assertThat(table.remove(op.prefix(), op.length())).as("%s", op)
                            .isEqualTo(oracle.remove(op.prefix(), op.length()));
                }
                table.trie().checkInvariants();
                List<Integer> here = boundaries(op.prefix(), op.length());
                everywhere.addAll(here);
                here.addAll(ANCHORS);
                assertSameLookups(table, oracle, here, op);
                assertThat(table.get(op.prefix(), op.length())).isEqualTo(oracle.get(op.prefix(), op.length()));
                assertThat(table.size()).isEqualTo(oracle.size());
            }
            assertSameLookups(table, oracle, everywhere, "the end");
            assertThat(dump(table)).isEqualTo(oracle.routes());
        });
    }

    @Test
    void bigTablesMatchTheIpAddressTrieAcrossRootSwitches() {
        qt().withExamples(6).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            Ipv4RouteTable table = new Ipv4RouteTable();
            IPv4AddressAssociativeTrie<Integer> oracle = new IPv4AddressAssociativeTrie<>();
            List<long[]> routes = new ArrayList<>();
            for (int i = 0; i < 6000; i++) {
                int length = internetLikeLength(random);
                int prefix = clusteredAddress(random) & Ipv4Prefix.mask(length);
                int value = random.nextInt(64);
                table.put(prefix, length, value);
                oracle.put(block(prefix, length), value);
                routes.add(new long[] {prefix, length});
            }
            assertThat(table.trie().rootBits()).isEqualTo(MultibitTrie.BIG_ROOT_BITS);
            assertThat(table.size()).isEqualTo(oracle.size());
            assertSameLookups(table, oracle, routes, random);

            for (long[] route : routes) {
                if (random.nextInt(200) != 0) {
                    boolean removed = table.remove((int) route[0], (int) route[1]);
                    assertThat(removed).isEqualTo(oracle.remove(block((int) route[0], (int) route[1])));
                }
            }
            table.trie().checkInvariants();
            assertThat(table.trie().rootBits()).isEqualTo(MultibitTrie.SMALL_ROOT_BITS);
            assertThat(table.size()).isEqualTo(oracle.size());
            assertSameLookups(table, oracle, routes, random);
        });
    }

    @Test
    void routeStoreMatchesAMapUnderCollidingInsertsAndDeletes() {
        Gen<Integer> keys = integers().between(0, 200).map(Ipv4RouteTablePropertyTest::storeKey);
        qt().withExamples(200).forAll(lists().of(keys.zip(integers().between(-2, 9), (k, v) -> new int[] {k, v}))
                .ofSizeBetween(1, 400)).checkAssert(ops -> {
            RouteStore store = new RouteStore();
            Map<Integer, Integer> oracle = new HashMap<>();
            for (int[] op : ops) {
                if (op[1] < 0) {
                    Integer previous = oracle.remove(op[0]);
                    assertThat(store.remove(op[0], 32)).isEqualTo(previous == null ? -1 : previous);
                } else {
                    Integer previous = oracle.put(op[0], op[1]);
                    assertThat(store.put(op[0], 32, op[1])).isEqualTo(previous == null ? -1 : previous);
                }
                assertThat(store.size()).isEqualTo(oracle.size());
            }
            for (int k = 0; k <= 200; k++) {
                assertThat(store.get(storeKey(k), 32)).isEqualTo(oracle.getOrDefault(storeKey(k), -1));
            }
        });
    }

    /** Keys that crowd a few hash slots; 200 is 255.255.255.255, whose prefix half looks like a free slot. */
    private static int storeKey(int k) {
        return k == 200 ? -1 : k * 0x0100_0000 + (k & 7);
    }

    /** First and last address of a prefix and their outside neighbours. */
    private static List<Integer> boundaries(int prefix, int length) {
        int last = prefix | ~Ipv4Prefix.mask(length);
        return new ArrayList<>(List.of(prefix, last, prefix - 1, last + 1));
    }

    private static void assertSameLookups(Ipv4RouteTable table, NaiveLpm oracle, Iterable<Integer> addresses,
                                          Object after) {
        for (int address : addresses) {
            assertThat(table.lookup(address)).as("lookup %s after %s", Ipv4Address.toString(address), after)
                    .isEqualTo(oracle.lookup(address));
        }
    }

    private static void assertSameLookups(Ipv4RouteTable table, IPv4AddressAssociativeTrie<Integer> oracle,
                                          List<long[]> routes, SplittableRandom random) {
        List<Integer> addresses = new ArrayList<>();
        for (long[] route : routes) {
            addresses.addAll(boundaries((int) route[0], (int) route[1]));
            addresses.add((int) route[0] | (random.nextInt() & ~Ipv4Prefix.mask((int) route[1])));
        }
        for (int i = 0; i < 5000; i++) {
            addresses.add(random.nextInt());
        }
        for (int address : addresses) {
            var match = oracle.longestPrefixMatchNode(new IPv4Address(address));
            int expected = match == null ? Ipv4RouteTable.NO_ROUTE : match.getValue();
            assertThat(table.lookup(address)).as("lookup %s", Ipv4Address.toString(address)).isEqualTo(expected);
        }
    }

    private static Map<Long, Integer> dump(Ipv4RouteTable table) {
        Map<Long, Integer> routes = new HashMap<>();
        long[] previous = {-1};
        table.forEach((prefix, length, value) -> {
            long order = (Integer.toUnsignedLong(prefix) << 6) | length;
            assertThat(order).as("dump order").isGreaterThan(previous[0]);
            previous[0] = order;
            routes.put(NaiveLpm.key(prefix, length), value);
        });
        return routes;
    }

    private static IPv4Address block(int prefix, int length) {
        return new IPv4Address(prefix, length).toPrefixBlock();
    }

    /** Mostly /24, then /22–/23, /16–/21, and a few /8–/15 and /25–/32, like an Internet table. */
    static int internetLikeLength(SplittableRandom random) {
        int roll = random.nextInt(100);
        if (roll < 55) {
            return 24;
        } else if (roll < 75) {
            return 22 + random.nextInt(2);
        } else if (roll < 90) {
            return 16 + random.nextInt(6);
        } else if (roll < 93) {
            return 8 + random.nextInt(8);
        } else if (roll < 99) {
            return 25 + random.nextInt(8);
        }
        return random.nextInt(8);
    }

    /** Half the addresses inside 10/8 so that routes overlap, half anywhere. */
    private static int clusteredAddress(SplittableRandom random) {
        int address = random.nextInt();
        return random.nextBoolean() ? 0x0A00_0000 | (address & 0x00FF_FFFF) : address;
    }
}
