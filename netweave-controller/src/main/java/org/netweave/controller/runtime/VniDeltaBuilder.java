package org.netweave.controller.runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;

/**
 * Builds the net {@link VniDelta} of one operation. Before a row is changed for the first time the
 * operation hands its old value (or null) here; at the end each touched key's old and new rows are
 * compared as a host sees them. Comparing net effects, rather than logging every step, is what
 * makes a re-report, or a remove-then-add of the same entry, come out empty.
 */
final class VniDeltaBuilder {
    private final Vni vni;
    private final Map<Ipv4Address, VtepRow> vtepsBefore = new HashMap<>();
    private final Map<MacAddress, MacRow> macsBefore = new HashMap<>();
    private final Map<Ipv4Address, ArpRow> arpsBefore = new HashMap<>();

    VniDeltaBuilder(Vni vni) {
        this.vni = vni;
    }

    void vtepTouched(Ipv4Address ip, VtepRow before) {
        remember(vtepsBefore, ip, before);
    }

    void macTouched(MacAddress mac, MacRow before) {
        remember(macsBefore, mac, before);
    }

    void arpTouched(Ipv4Address ip, ArpRow before) {
        remember(arpsBefore, ip, before);
    }

    VniDelta build(Map<Ipv4Address, VtepRow> vteps, Map<MacAddress, MacRow> macs, Map<Ipv4Address, ArpRow> arps) {
        List<VtepRow> vtepsAdded = new ArrayList<>();
        List<Ipv4Address> vtepsRemoved = new ArrayList<>();
        List<MacRow> macsAdded = new ArrayList<>();
        List<MacAddress> macsRemoved = new ArrayList<>();
        List<ArpRow> arpsAdded = new ArrayList<>();
        List<Ipv4Address> arpsRemoved = new ArrayList<>();
        compare(vtepsBefore, vteps, VtepRow::sameForHosts, vtepsAdded, vtepsRemoved);
        compare(macsBefore, macs, MacRow::sameForHosts, macsAdded, macsRemoved);
        compare(arpsBefore, arps, ArpRow::sameForHosts, arpsAdded, arpsRemoved);
        vtepsAdded.sort(VtepRow.ORDER);
        vtepsRemoved.sort(Comparator.naturalOrder());
        macsAdded.sort(MacRow.ORDER);
        macsRemoved.sort(Comparator.naturalOrder());
        arpsAdded.sort(ArpRow.ORDER);
        arpsRemoved.sort(Comparator.naturalOrder());
        return new VniDelta(vni, vtepsAdded, vtepsRemoved, macsAdded, macsRemoved, arpsAdded, arpsRemoved);
    }

    private static <K, R> void remember(Map<K, R> before, K key, R row) {
        if (!before.containsKey(key)) {
            before.put(key, row);
        }
    }

    private static <K, R> void compare(Map<K, R> before, Map<K, R> now, BiPredicate<R, R> same,
            List<R> added, List<K> removed) {
        before.forEach((key, old) -> {
            R current = now.get(key);
            if (current == null) {
                if (old != null) {
                    removed.add(key);
                }
            } else if (!same.test(current, old)) {
                added.add(current);
            }
        });
    }
}
