package org.netweave.dataplane.emulated;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.agrona.collections.Int2ObjectHashMap;
import org.netweave.dataplane.DatapathTables.RouteRow;
import org.netweave.dataplane.StaticRoute;
import org.netweave.dataplane.fib.Ipv4RouteTable;
import org.netweave.model.DlrId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.LifId;

/**
 * One DLR instance on one host (NSX's VDR instance): its LIFs, the longest-prefix-match
 * forwarding table and the next hops it points to. Every host with the DLR holds an identical
 * copy; the packet path reads it on the host's forwarding thread, which also applies changes.
 *
 * <p>The forwarding table maps a prefix to a next-hop index; next hops are (egress LIF,
 * gateway) pairs shared by all routes that use them, kept in parallel arrays so a lookup ends in
 * two array reads. A LIF's own subnet is a connected route and wins over a static route for
 * the same prefix, as its administrative distance 0 would.
 */
final class RouterInstance {
    final DlrId id;
    final Map<LifId, LifInstance> lifs = new LinkedHashMap<>();
    final Int2ObjectHashMap<LifInstance> lifByIp = new Int2ObjectHashMap<>();
    final Map<Ipv4Prefix, StaticRoute> staticRoutes = new TreeMap<>();
    final Ipv4RouteTable fib = new Ipv4RouteTable();

    /** Next hop i: leave by {@code nextHopLif[i]} towards {@code nextHopGateway[i]} (0: the destination itself). */
    LifInstance[] nextHopLif = new LifInstance[8];
    int[] nextHopGateway = new int[8];
    private int[] nextHopRefs = new int[8];
    private final Map<NextHopKey, Integer> nextHopIndex = new HashMap<>();
    private final List<Integer> freeNextHops = new ArrayList<>();
    private final Map<Ipv4Prefix, Integer> installed = new HashMap<>();

    private record NextHopKey(LifId lif, int gateway) {
    }

    RouterInstance(DlrId id) {
        this.id = id;
    }

    void putLif(LifInstance lif) {
        LifInstance old = lifs.put(lif.spec.id(), lif);
        if (old != null) {
            lifByIp.remove(old.ip);
            // Routes that leave by this LIF keep their next-hop slots; point them at the new instance.
            nextHopIndex.forEach((key, i) -> {
                if (key.lif().equals(lif.spec.id())) {
                    nextHopLif[i] = lif;
                }
            });
            refresh(old.spec.address().subnet());
        }
        lifByIp.put(lif.ip, lif);
        refresh(lif.spec.address().subnet());
    }

    void removeLif(LifId id) {
        LifInstance old = lifs.remove(id);
        if (old != null) {
            lifByIp.remove(old.ip);
            refresh(old.spec.address().subnet());
        }
    }

    void putRoute(StaticRoute route) {
        staticRoutes.put(route.prefix(), route);
        refresh(route.prefix());
    }

    void removeRoute(Ipv4Prefix prefix) {
        if (staticRoutes.remove(prefix) != null) {
            refresh(prefix);
        }
    }

    /** Re-derives the forwarding entry of one prefix from the LIFs and static routes. */
    private void refresh(Ipv4Prefix prefix) {
        NextHopKey wanted = null;
        for (LifInstance lif : lifs.values()) {
            if (lif.spec.address().subnet().equals(prefix)) {
                wanted = new NextHopKey(lif.spec.id(), 0);
            }
        }
        StaticRoute route = staticRoutes.get(prefix);
        if (wanted == null && route != null && lifs.containsKey(route.egressLif())) {
            wanted = new NextHopKey(route.egressLif(), route.nextHop() == null ? 0 : route.nextHop().value());
        }
        Integer old = installed.remove(prefix);
        if (wanted != null) {
            int nh = acquire(wanted);
            installed.put(prefix, nh);
            fib.put(prefix.address().value(), prefix.length(), nh);
        } else if (old != null) {
            fib.remove(prefix.address().value(), prefix.length());
        }
        if (old != null) {
            release(old);
        }
    }

    private int acquire(NextHopKey key) {
        Integer existing = nextHopIndex.get(key);
        int i;
        if (existing != null) {
            i = existing;
        } else {
            i = freeNextHops.isEmpty() ? nextHopIndex.size() : freeNextHops.removeLast();
            if (i >= nextHopLif.length) {
                nextHopLif = Arrays.copyOf(nextHopLif, i * 2);
                nextHopGateway = Arrays.copyOf(nextHopGateway, i * 2);
                nextHopRefs = Arrays.copyOf(nextHopRefs, i * 2);
            }
            nextHopLif[i] = lifs.get(key.lif());
            nextHopGateway[i] = key.gateway();
            nextHopIndex.put(key, i);
        }
        nextHopRefs[i]++;
        return i;
    }

    private void release(int i) {
        if (--nextHopRefs[i] == 0) {
            nextHopIndex.remove(new NextHopKey(nextHopLif[i].spec.id(), nextHopGateway[i]));
            nextHopLif[i] = null;
            freeNextHops.add(i);
        }
    }

    /** The forwarding table as {@code net-vdr --route -l} shows it. */
    List<RouteRow> routeRows() {
        List<RouteRow> rows = new ArrayList<>();
        new TreeMap<>(installed).forEach((prefix, nh) -> {
            int gw = nextHopGateway[nh];
            rows.add(new RouteRow(prefix, gw == 0 ? null : Ipv4Address.of(gw), nextHopLif[nh].spec.id(), gw == 0 ? "UCI" : "UG"));
        });
        return rows;
    }

    String describeNextHop(int nh) {
        int gw = nextHopGateway[nh];
        return "via " + (gw == 0 ? "connected" : Ipv4Address.toString(gw)) + " lif " + nextHopLif[nh].name;
    }
}
