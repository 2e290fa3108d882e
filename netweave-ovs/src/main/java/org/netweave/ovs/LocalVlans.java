package org.netweave.ovs;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.netweave.model.Vni;

/**
 * The host-local VLAN id ("lvid") of each VNI on br-int, as Neutron's agent allocates one per
 * network. Neutron allocates in arrival order and remembers; here the allocation is a function of
 * the set of VNIs, so translation stays pure: a VNI prefers {@code vni mod 4094 + 1}, and on a
 * collision VNIs in ascending order take the next free id. A VNI's lvid therefore changes only
 * when a lower VNI with the same preferred id arrives, which needs VNIs 4094 apart on one host.
 */
public final class LocalVlans {
    static final int MAX_VLAN = 4094;

    private final SortedMap<Vni, Integer> byVni;

    private LocalVlans(SortedMap<Vni, Integer> byVni) {
        this.byVni = Collections.unmodifiableSortedMap(byVni);
    }

    public static LocalVlans allocate(Collection<Vni> vnis) {
        TreeSet<Vni> sorted = new TreeSet<>(vnis);
        if (sorted.size() > MAX_VLAN) {
            throw new IllegalArgumentException(sorted.size() + " VNIs do not fit in " + MAX_VLAN + " local VLANs");
        }
        Set<Integer> taken = new HashSet<>();
        TreeMap<Vni, Integer> result = new TreeMap<>();
        TreeSet<Vni> collided = new TreeSet<>();
        for (Vni vni : sorted) {
            int preferred = preferred(vni);
            if (taken.add(preferred)) {
                result.put(vni, preferred);
            } else {
                collided.add(vni);
            }
        }
        for (Vni vni : collided) {
            int candidate = preferred(vni);
            while (!taken.add(candidate)) {
                candidate = candidate % MAX_VLAN + 1;
            }
            result.put(vni, candidate);
        }
        return new LocalVlans(result);
    }

    private static int preferred(Vni vni) {
        return Math.floorMod(vni.value(), MAX_VLAN) + 1;
    }

    /** @throws IllegalArgumentException if the VNI has no local VLAN on this host */
    public int of(Vni vni) {
        Integer lvid = byVni.get(vni);
        if (lvid == null) {
            throw new IllegalArgumentException("VNI " + vni + " has no local VLAN on this host");
        }
        return lvid;
    }

    public SortedMap<Vni, Integer> asMap() {
        return byVni;
    }
}
