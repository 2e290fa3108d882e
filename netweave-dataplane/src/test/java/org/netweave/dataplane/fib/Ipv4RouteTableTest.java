package org.netweave.dataplane.fib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.netweave.dataplane.fib.Ipv4RouteTable.NO_ROUTE;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;

class Ipv4RouteTableTest {
    private final Ipv4RouteTable table = new Ipv4RouteTable();

    private static int ip(String text) {
        return Ipv4Address.parse(text).value();
    }

    private void put(String prefix, int value) {
        table.put(Ipv4Prefix.parse(prefix), value);
        table.trie().checkInvariants();
    }

    private boolean remove(String prefix) {
        boolean removed = table.remove(Ipv4Prefix.parse(prefix));
        table.trie().checkInvariants();
        return removed;
    }

    private int lookup(String address) {
        return table.lookup(ip(address));
    }

    @Test
    void emptyTableMatchesNothing() {
        assertThat(lookup("0.0.0.0")).isEqualTo(NO_ROUTE);
        assertThat(lookup("10.1.2.3")).isEqualTo(NO_ROUTE);
        assertThat(lookup("255.255.255.255")).isEqualTo(NO_ROUTE);
        assertThat(table.size()).isZero();
    }

    @Test
    void defaultRouteMatchesEveryAddress() {
        put("0.0.0.0/0", 7);

        assertThat(lookup("0.0.0.0")).isEqualTo(7);
        assertThat(lookup("10.1.2.3")).isEqualTo(7);
        assertThat(lookup("255.255.255.255")).isEqualTo(7);
        assertThat(table.get(0, 0)).isEqualTo(7);
    }

    @Test
    void hostRoutesMatchOnlyTheirAddress() {
        put("10.0.0.1/32", 1);
        put("0.0.0.0/32", 2);
        put("255.255.255.255/32", 3);

        assertThat(lookup("10.0.0.1")).isEqualTo(1);
        assertThat(lookup("10.0.0.0")).isEqualTo(NO_ROUTE);
        assertThat(lookup("10.0.0.2")).isEqualTo(NO_ROUTE);
        assertThat(lookup("0.0.0.0")).isEqualTo(2);
        assertThat(lookup("0.0.0.1")).isEqualTo(NO_ROUTE);
        assertThat(lookup("255.255.255.255")).isEqualTo(3);
        assertThat(lookup("255.255.255.254")).isEqualTo(NO_ROUTE);
        assertThat(table.get(ip("255.255.255.255"), 32)).isEqualTo(3);
    }

    @Test
    void longestOfOverlappingPrefixesWinsAtEveryBoundary() {
        put("0.0.0.0/0", 0);
        put("10.0.0.0/8", 1);
        put("10.1.0.0/16", 2);
        put("10.1.2.0/24", 3);
        put("10.1.2.128/25", 4);
        put("10.1.2.200/32", 5);

        assertThat(lookup("9.255.255.255")).isEqualTo(0);
        assertThat(lookup("10.0.0.0")).isEqualTo(1);
        assertThat(lookup("10.0.255.255")).isEqualTo(1);
        assertThat(lookup("10.1.0.0")).isEqualTo(2);
        assertThat(lookup("10.1.1.255")).isEqualTo(2);
        assertThat(lookup("10.1.2.0")).isEqualTo(3);
        assertThat(lookup("10.1.2.127")).isEqualTo(3);
        assertThat(lookup("10.1.2.128")).isEqualTo(4);
        assertThat(lookup("10.1.2.199")).isEqualTo(4);
        assertThat(lookup("10.1.2.200")).isEqualTo(5);
        assertThat(lookup("10.1.2.201")).isEqualTo(4);
        assertThat(lookup("10.1.3.0")).isEqualTo(2);
        assertThat(lookup("10.2.0.0")).isEqualTo(1);
        assertThat(lookup("11.0.0.0")).isEqualTo(0);
    }

    @Test
    void shorterPrefixAddedLaterDoesNotHideLongerOnes() {
        put("10.1.2.200/32", 5);
        put("10.1.2.0/24", 3);
        put("10.1.0.0/16", 2);
        put("0.0.0.0/0", 0);

        assertThat(lookup("10.1.2.200")).isEqualTo(5);
        assertThat(lookup("10.1.2.201")).isEqualTo(3);
        assertThat(lookup("10.1.3.1")).isEqualTo(2);
        assertThat(lookup("10.2.0.0")).isEqualTo(0);
    }

    @Test
    void deletingARouteRestoresTheCoveringRoute() {
        put("0.0.0.0/0", 0);
        put("10.0.0.0/8", 1);
        put("10.1.0.0/16", 2);
        put("10.1.2.0/24", 3);
        put("10.1.2.200/32", 5);

        assertThat(remove("10.1.2.0/24")).isTrue();
        assertThat(lookup("10.1.2.1")).isEqualTo(2);
        assertThat(lookup("10.1.2.200")).isEqualTo(5);

        assertThat(remove("10.1.0.0/16")).isTrue();
        assertThat(lookup("10.1.2.1")).isEqualTo(1);

        assertThat(remove("10.0.0.0/8")).isTrue();
        assertThat(lookup("10.1.2.1")).isEqualTo(0);
        assertThat(lookup("10.1.2.200")).isEqualTo(5);

        assertThat(remove("10.1.2.200/32")).isTrue();
        assertThat(remove("0.0.0.0/0")).isTrue();
        assertThat(lookup("10.1.2.200")).isEqualTo(NO_ROUTE);
        assertThat(table.size()).isZero();
        assertThat(table.trie().nodeCount()).isZero();
    }

    @Test
    void deletingASiblingInTheSameNodeFallsBackToTheShorterRouteThere() {
        put("10.1.0.0/23", 1);
        put("10.1.1.0/24", 2);

        assertThat(remove("10.1.1.0/24")).isTrue();

        assertThat(lookup("10.1.1.9")).isEqualTo(1);
        assertThat(lookup("10.1.0.9")).isEqualTo(1);
        assertThat(lookup("10.1.2.0")).isEqualTo(NO_ROUTE);
    }

    @Test
    void putReplacesTheValueOfTheSamePrefixOnly() {
        put("10.1.0.0/16", 2);
        put("10.1.2.0/24", 3);
        put("10.1.0.0/16", 9);

        assertThat(lookup("10.1.7.7")).isEqualTo(9);
        assertThat(lookup("10.1.2.7")).isEqualTo(3);
        assertThat(table.get(Ipv4Prefix.parse("10.1.0.0/16"))).isEqualTo(9);
        assertThat(table.size()).isEqualTo(2);

        put("10.1.2.0/24", 3);
        assertThat(table.size()).isEqualTo(2);
    }

    @Test
    void removeOfAnAbsentRouteReportsFalseAndChangesNothing() {
        put("10.1.0.0/16", 2);

        assertThat(remove("10.1.0.0/24")).isFalse();
        assertThat(remove("10.0.0.0/16")).isFalse();
        assertThat(remove("255.255.255.255/32")).isFalse();
        assertThat(lookup("10.1.0.1")).isEqualTo(2);
        assertThat(table.size()).isEqualTo(1);
    }

    @Test
    void invalidInputIsRejectedNamingTheField() {
        assertThatThrownBy(() -> table.put(0, 33, 1))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("prefixLength"));
        assertThatThrownBy(() -> table.remove(0, -1))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("prefixLength"));
        assertThatThrownBy(() -> table.put(ip("10.1.2.3"), 24, 1))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("prefix");
                    assertThat(e.getMessage()).contains("10.1.2.3/24", "10.1.2.0/24");
                });
        assertThatThrownBy(() -> table.get(ip("10.1.2.3"), 0))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("prefix"));
        assertThatThrownBy(() -> table.put(0, 0, -1))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("value"));
        assertThat(table.size()).isZero();
    }

    @Test
    void forEachListsRoutesInAddressOrderShorterFirst() {
        put("10.1.2.0/24", 3);
        put("0.0.0.0/0", 0);
        put("192.168.0.0/16", 4);
        put("10.0.0.0/8", 1);
        put("10.1.0.0/16", 2);

        List<String> dump = new ArrayList<>();
        table.forEach((prefix, length, value) -> dump.add(Ipv4Address.toString(prefix) + "/" + length + " " + value));

        assertThat(dump).containsExactly("0.0.0.0/0 0", "10.0.0.0/8 1", "10.1.0.0/16 2", "10.1.2.0/24 3",
                "192.168.0.0/16 4");
    }

    @Test
    void aTinyTableIsTiny() {
        put("0.0.0.0/0", 0);
        for (int i = 1; i <= 8; i++) {
            put("10.0." + i + ".0/24", i);
        }
        put("192.168.1.0/24", 9);

        assertThat(table.size()).isEqualTo(10);
        assertThat(table.memoryBytes()).isLessThan(4 * 1024);
    }

    @Test
    void nodesFreedByDeletesAreReusedAndTheRootFollowsTheTableSize() {
        SplittableRandom random = new SplittableRandom(42);
        int[] prefixes = new int[20_000];
        for (int i = 0; i < prefixes.length; i++) {
            prefixes[i] = random.nextInt() & Ipv4Prefix.mask(24);
            table.put(prefixes[i], 24, i);
        }
        assertThat(table.trie().rootBits()).isEqualTo(MultibitTrie.BIG_ROOT_BITS);
        long bigBytes = table.memoryBytes();

        for (int prefix : prefixes) {
            table.remove(prefix, 24);
        }
        assertThat(table.size()).isZero();
        assertThat(table.trie().rootBits()).isEqualTo(MultibitTrie.SMALL_ROOT_BITS);
        assertThat(table.trie().nodeCount()).isZero();
        assertThat(table.lookup(prefixes[0])).isEqualTo(NO_ROUTE);

        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 900; i++) {
                table.put(prefixes[i], 24, i);
            }
            for (int i = 0; i < 900; i++) {
                table.remove(prefixes[i], 24);
            }
        }
        table.trie().checkInvariants();
        assertThat(table.memoryBytes()).isLessThan(bigBytes);
    }

    @Test
    void clearEmptiesTheTable() {
        put("10.0.0.0/8", 1);
        table.clear();

        assertThat(table.size()).isZero();
        assertThat(lookup("10.0.0.1")).isEqualTo(NO_ROUTE);
    }
}
