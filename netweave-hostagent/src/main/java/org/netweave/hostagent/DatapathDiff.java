package org.netweave.hostagent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.netweave.dataplane.DatapathChange;
import org.netweave.dataplane.DatapathChange.AttachPort;
import org.netweave.dataplane.DatapathChange.DetachPort;
import org.netweave.dataplane.DatapathChange.PutArpEntry;
import org.netweave.dataplane.DatapathChange.PutBridge;
import org.netweave.dataplane.DatapathChange.PutDlr;
import org.netweave.dataplane.DatapathChange.PutExternalVtep;
import org.netweave.dataplane.DatapathChange.PutLif;
import org.netweave.dataplane.DatapathChange.PutLogicalSwitch;
import org.netweave.dataplane.DatapathChange.PutRemoteMac;
import org.netweave.dataplane.DatapathChange.PutRoute;
import org.netweave.dataplane.DatapathChange.PutVtep;
import org.netweave.dataplane.DatapathChange.RemoveArpEntry;
import org.netweave.dataplane.DatapathChange.RemoveBridge;
import org.netweave.dataplane.DatapathChange.RemoveDlr;
import org.netweave.dataplane.DatapathChange.RemoveExternalVtep;
import org.netweave.dataplane.DatapathChange.RemoveLif;
import org.netweave.dataplane.DatapathChange.RemoveLogicalSwitch;
import org.netweave.dataplane.DatapathChange.RemoveRemoteMac;
import org.netweave.dataplane.DatapathChange.RemoveRoute;
import org.netweave.dataplane.DatapathChange.RemoveVtep;
import org.netweave.dataplane.StaticRoute;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.LifId;

/**
 * The changes that take a datapath from what the agent installed to what it wants (OVN's
 * {@code ofctrl} desired versus installed). Only the difference is sent, in an order the datapath
 * accepts within one batch: first what depends on others goes (routes, bridges, LIFs, DLRs,
 * ports, then the entries of kept switches, then switches), then what others depend on comes
 * (switches and their entries, ports, DLRs, LIFs, routes, bridges). A route whose LIF changes is
 * taken out before the LIF changes and put back after, so it never points at a LIF that no longer
 * holds its next hop.
 */
public final class DatapathDiff {
    private DatapathDiff() {
    }

    /** The minimal changes from {@code installed} to {@code desired}. Pure. */
    public static List<DatapathChange> between(DatapathDesired installed, DatapathDesired desired) {
        List<DatapathChange> changes = new ArrayList<>();
        removals(installed, desired, changes);
        additions(installed, desired, changes);
        return List.copyOf(changes);
    }

    /**
     * A full resync after a reconnect or restart: everything wanted is put again (puts are
     * idempotent upserts, so nothing that stays stops forwarding), and what the agent last
     * installed but no longer wants is removed. Pure.
     */
    public static List<DatapathChange> resync(DatapathDesired installed, DatapathDesired desired) {
        List<DatapathChange> changes = new ArrayList<>();
        removals(installed, desired, changes);
        additions(DatapathDesired.EMPTY, desired, changes);
        return List.copyOf(changes);
    }

    private static void removals(DatapathDesired installed, DatapathDesired desired, List<DatapathChange> out) {
        installed.dlrs().forEach((id, was) -> {
            DesiredDlrTables now = desired.dlrs().get(id);
            Set<LifId> changedLifs = now == null ? Set.of() : changedKeys(was.lifs(), now.lifs());
            was.routes().forEach((prefix, route) -> {
                boolean gone = now == null || !now.routes().containsKey(prefix);
                if (gone || changedLifs.contains(route.egressLif())) {
                    out.add(new RemoveRoute(id, prefix));
                }
            });
        });
        installed.bridges().keySet().stream().filter(id -> !desired.bridges().containsKey(id))
                .forEach(id -> out.add(new RemoveBridge(id)));
        installed.dlrs().forEach((id, was) -> {
            DesiredDlrTables now = desired.dlrs().get(id);
            if (now == null) {
                was.lifs().keySet().forEach(lif -> out.add(new RemoveLif(id, lif)));
                out.add(new RemoveDlr(id));
            } else {
                gone(was.lifs(), now.lifs(), lif -> out.add(new RemoveLif(id, lif)));
            }
        });
        gone(installed.ports(), desired.ports(), id -> out.add(new DetachPort(id)));
        installed.switches().forEach((vni, was) -> {
            DesiredSwitchTables now = desired.switches().get(vni);
            if (now == null) {
                return;
            }
            gone(was.vteps(), now.vteps(), ip -> out.add(new RemoveVtep(vni, ip)));
            gone(was.remoteMacs(), now.remoteMacs(), mac -> out.add(new RemoveRemoteMac(vni, mac)));
            gone(was.arps(), now.arps(), ip -> out.add(new RemoveArpEntry(vni, ip)));
            gone(was.externalVteps(), now.externalVteps(), ip -> out.add(new RemoveExternalVtep(vni, ip)));
        });
        gone(installed.switches(), desired.switches(), vni -> out.add(new RemoveLogicalSwitch(vni)));
    }

    private static void additions(DatapathDesired installed, DatapathDesired desired, List<DatapathChange> out) {
        desired.switches().forEach((vni, now) -> {
            DesiredSwitchTables was = installed.switches().get(vni);
            if (was == null || !was.spec().equals(now.spec())) {
                out.add(new PutLogicalSwitch(now.spec()));
            }
            // A switch that was not installed (or was removed in this batch) has none of its entries.
            DesiredSwitchTables before = was == null ? empty(now) : was;
            changed(before.vteps(), now.vteps(), (ip, vtep) -> out.add(new PutVtep(vni, vtep)));
            changed(before.externalVteps(), now.externalVteps(), (ip, vtep) -> out.add(new PutExternalVtep(vni, vtep)));
            changed(before.remoteMacs(), now.remoteMacs(), (mac, vtep) -> out.add(new PutRemoteMac(vni, mac, vtep)));
            changed(before.arps(), now.arps(), (ip, mac) -> out.add(new PutArpEntry(vni, ip, mac)));
        });
        changed(installed.ports(), desired.ports(), (id, port) -> out.add(new AttachPort(port)));
        desired.dlrs().forEach((id, now) -> {
            DesiredDlrTables was = installed.dlrs().get(id);
            if (was == null) {
                out.add(new PutDlr(id));
            }
            Map<LifId, ?> lifsBefore = was == null ? Map.of() : was.lifs();
            Set<LifId> changedLifs = was == null ? Set.of() : changedKeys(was.lifs(), now.lifs());
            changed(lifsBefore, now.lifs(), (lif, value) -> out.add(new PutLif(id, value)));
            Map<Ipv4Prefix, StaticRoute> routesBefore = was == null ? Map.of() : was.routes();
            now.routes().forEach((prefix, route) -> {
                boolean readded = changedLifs.contains(route.egressLif()) && routesBefore.containsKey(prefix);
                if (readded || !route.equals(routesBefore.get(prefix))) {
                    out.add(new PutRoute(id, route));
                }
            });
        });
        changed(installed.bridges(), desired.bridges(), (id, bridge) -> out.add(new PutBridge(bridge)));
    }

    private static DesiredSwitchTables empty(DesiredSwitchTables like) {
        return new DesiredSwitchTables(like.spec(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
    }

    /** Keys present in both maps whose values differ. */
    private static <K, V> Set<K> changedKeys(Map<K, V> was, Map<K, V> now) {
        Set<K> keys = new TreeSet<>();
        was.forEach((key, value) -> {
            if (now.containsKey(key) && !Objects.equals(value, now.get(key))) {
                keys.add(key);
            }
        });
        return keys;
    }

    private static <K> void gone(Map<K, ?> was, Map<K, ?> now, Consumer<K> remove) {
        for (K key : was.keySet()) {
            if (!now.containsKey(key)) {
                remove.accept(key);
            }
        }
    }

    private static <K, V> void changed(Map<K, ?> was, SortedMap<K, V> now, BiConsumer<K, V> put) {
        now.forEach((key, value) -> {
            if (!Objects.equals(value, was.get(key))) {
                put.accept(key, value);
            }
        });
    }
}
