package org.netweave.dataplane.emulated;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.netweave.dataplane.VtepRecord;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.ReplicationMode;

/**
 * Where one host sends the copies of a BUM frame on one VNI — a pure function of the VNI's VTEP
 * table, recomputed whenever the table changes so the packet path only walks arrays.
 *
 * <ul>
 *   <li>UNICAST: one copy to every other VTEP of the local segment, and one copy to one proxy
 *       (UTEP) per remote segment, flagged "replicate locally"; the proxy copies it to the other
 *       VTEPs of its segment.</li>
 *   <li>HYBRID: one L2 multicast copy on the local segment, and one proxy (MTEP) copy per remote
 *       segment; the proxy re-sends it as L2 multicast on its segment.</li>
 *   <li>MULTICAST: one copy to the switch's group; the underlay replicates everywhere.</li>
 * </ul>
 * External VTEPs get a plain head-end copy in every mode: they are not part of the proxy scheme.
 *
 * <p>The proxy of a segment is the {@code floorMod(vni, n)}-th of its n VTEPs in address order:
 * every host computes the same proxy without asking, and different VNIs spread over the VTEPs.
 *
 * @param directCopies      VTEPs that get an unflagged unicast copy (same segment, external)
 * @param proxyCopies       one proxy VTEP per remote segment, sent the "replicate locally" flag
 * @param multicastGroup    the underlay group for this host's own copy, or 0 for none
 * @param proxyReplicas     when this host is a proxy: the VTEPs of its segment it re-sends to
 * @param proxyGroup        when this host is a proxy in HYBRID mode: the segment group to re-send to, else 0
 */
record ReplicationPlan(int[] directCopies, int[] proxyCopies, int multicastGroup, int[] proxyReplicas, int proxyGroup) {

    static ReplicationPlan compute(int vni, ReplicationMode mode, Ipv4Address group, Ipv4Address self,
            Ipv4Prefix selfSegment, List<VtepRecord> vteps, List<Ipv4Address> externalVteps) {
        Map<Ipv4Prefix, List<Ipv4Address>> bySegment = new TreeMap<>();
        for (VtepRecord v : vteps) {
            if (!v.ip().equals(self)) {
                bySegment.computeIfAbsent(v.segment(), s -> new ArrayList<>()).add(v.ip());
            }
        }
        List<Ipv4Address> local = bySegment.getOrDefault(selfSegment, List.of());
        List<Integer> direct = new ArrayList<>();
        if (mode == ReplicationMode.UNICAST) {
            local.forEach(ip -> direct.add(ip.value()));
        }
        externalVteps.forEach(ip -> direct.add(ip.value()));
        List<Integer> proxies = new ArrayList<>();
        if (mode != ReplicationMode.MULTICAST) {
            bySegment.forEach((segment, ips) -> {
                if (!segment.equals(selfSegment)) {
                    ips.sort(Comparator.naturalOrder());
                    proxies.add(ips.get(Math.floorMod(vni, ips.size())).value());
                }
            });
        }
        int ownGroup = switch (mode) {
            case UNICAST -> 0;
            case HYBRID -> UnderlayGroups.segmentScoped(group, selfSegment);
            case MULTICAST -> group.value();
        };
        int[] replicas = mode == ReplicationMode.UNICAST ? ints(local.stream().map(Ipv4Address::value).toList()) : new int[0];
        int proxyGroup = mode == ReplicationMode.HYBRID ? ownGroup : 0;
        return new ReplicationPlan(ints(direct), ints(proxies), ownGroup, replicas, proxyGroup);
    }

    static final ReplicationPlan EMPTY = new ReplicationPlan(new int[0], new int[0], 0, new int[0], 0);

    private static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
