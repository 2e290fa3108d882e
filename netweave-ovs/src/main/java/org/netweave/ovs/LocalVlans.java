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
 * network and remembers it. A VNI keeps the lvid it got for as long as the host holds it (ports
 * and flows carry it; moving it under them would let two networks share a tag for a moment). A
 * new VNI prefers {@code vni mod 4094 + 1}; when that is taken, the new VNIs in ascending order
 * take the next free id. So the allocation depends on history, and {@link HostState} keeps it.
 */
public final class LocalVlans {
    static final int MAX_VLAN = 4094;

    private final SortedMap<Vni, Integer> byVni;

    private LocalVlans(SortedMap<Vni, Integer> byVni) {
        this.byVni = Collections.unmodifiableSortedMap(byVni);
    }

    public static LocalVlans allocate(Collection<Vni> vnis) {
        return allocate(vnis, new LocalVlans(new TreeMap<>()));
    }

    /** {@code vnis}' lvids: those {@code before} held keep theirs, new ones get one as above. */
    public static LocalVlans allocate(Collection<Vni> vnis, LocalVlans before) {
        TreeSet<Vni> sorted = new TreeSet<>(vnis);
        if (sorted.size() > MAX_VLAN) {
            throw new IllegalArgumentException(sorted.size() + " VNIs do not fit in " + MAX_VLAN + " local VLANs");
        }
        Set<Integer> taken = new HashSet<>();
        TreeMap<Vni, Integer> result = new TreeMap<>();
        for (Vni vni : sorted) {
            Integer kept = before.byVni.get(vni);
            if (kept != null) {
                result.put(vni, kept);
                taken.add(kept);
            }
        }
        TreeSet<Vni> collided = new TreeSet<>();
        for (Vni vni : sorted) {
            if (result.containsKey(vni)) {
                continue;
            }
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
