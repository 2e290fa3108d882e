package org.netweave.manager.southbound;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.netweave.manager.network.vtep.ExternalVtepConfig;
import org.netweave.manager.southbound.HostConfigRows.DlrRow;
import org.netweave.manager.southbound.HostConfigRows.HostRow;
import org.netweave.manager.southbound.HostConfigRows.SwitchRow;
import org.netweave.manager.southbound.HostConfigRows.VnicKey;
import org.netweave.manager.southbound.HostConfigRows.VnicRow;
import org.netweave.manager.southbound.HostConfigRows.ZoneCluster;
import org.netweave.model.ClusterId;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.TransportZoneId;
import org.netweave.proto.manager.v1.LogicalSwitchConfig;

/**
 * The part of the desired state that hosts' configurations are made of, kept in memory and
 * indexed by what spans which hosts, so that a changed row names the hosts whose configuration it
 * may change: a host row its host; a logical switch, its external VTEPs or a DLR's instances every
 * host of the clusters of their transport zone (before and after the change); a zone gaining or
 * losing a cluster the hosts of that cluster; a vNIC the host its VM ran on and the one it runs
 * on now. Those hosts are <em>dirty</em>; the caller rebuilds only their configurations, so the
 * cost of a change follows the hosts it concerns, not the size of the topology.
 *
 * <p>Pure and single-threaded: rows in, dirty hosts and {@link HostConfigInputs} out. Every method
 * that changes the index returns the hosts it made dirty.
 */
final class HostConfigIndex {
    private final Map<HostId, HostRow> hosts = new HashMap<>();
    private final Map<ClusterId, Set<HostId>> hostsOfCluster = new HashMap<>();
    private Set<ZoneCluster> zoneClusters = Set.of();
    private final Map<ClusterId, Set<TransportZoneId>> zonesOfCluster = new HashMap<>();
    private final Map<TransportZoneId, Set<ClusterId>> clustersOfZone = new HashMap<>();
    private final Map<LogicalSwitchId, SwitchRow> switches = new HashMap<>();
    // Each zone's switches as hosts get them: translated once when the switch or its external
    // VTEPs change, kept in VNI order, so a host's configuration is assembled, not rebuilt.
    private final Map<TransportZoneId, NavigableMap<ZoneSlot, LogicalSwitchConfig>> switchesOfZone = new HashMap<>();
    private final Map<LogicalSwitchId, List<ExternalVtepConfig>> externalVteps = new HashMap<>();
    private final Map<DlrId, DlrRow> dlrs = new HashMap<>();
    private final Map<TransportZoneId, Set<DlrId>> dlrsOfZone = new HashMap<>();
    private final Map<VnicKey, VnicRow> vnics = new HashMap<>();
    private final Map<HostId, Set<VnicKey>> vnicsOfHost = new HashMap<>();

    /**
     * Where a switch sits in its zone's map: by VNI, then id, since inside one round a deleted
     * switch and a new one may hold the same VNI until the deletion is seen.
     */
    private record ZoneSlot(int vni, String id) implements Comparable<ZoneSlot> {
        static ZoneSlot of(SwitchRow row) {
            return new ZoneSlot(row.config().vni().value(), row.id().value());
        }

        @Override
        public int compareTo(ZoneSlot other) {
            int byVni = Integer.compare(vni, other.vni);
            return byVni != 0 ? byVni : id.compareTo(other.id);
        }
    }

    /** Applies the rows of a round, the zones' clusters first so the other rows find their hosts. */
    Set<HostId> apply(HostConfigRows.Changed changed) {
        Set<HostId> dirty = new HashSet<>(zoneClusters(changed.zoneClusters()));
        changed.hosts().forEach(row -> dirty.addAll(putHost(row)));
        changed.switches().forEach(row -> dirty.addAll(putSwitch(row)));
        changed.externalVteps().forEach((ls, vteps) -> dirty.addAll(putExternalVteps(ls, vteps)));
        changed.dlrs().forEach(row -> dirty.addAll(putDlr(row)));
        changed.vnics().forEach(row -> dirty.addAll(putVnic(row)));
        return dirty;
    }

    Set<HostId> zoneClusters(Set<ZoneCluster> now) {
        Set<HostId> dirty = new HashSet<>();
        Set<ZoneCluster> changed = new HashSet<>(now);
        changed.addAll(zoneClusters);
        changed.removeIf(pair -> now.contains(pair) && zoneClusters.contains(pair));
        for (ZoneCluster pair : changed) {
            dirty.addAll(hostsOfCluster.getOrDefault(pair.cluster(), Set.of()));
            if (now.contains(pair)) {
                zonesOfCluster.computeIfAbsent(pair.cluster(), c -> new HashSet<>()).add(pair.zone());
                clustersOfZone.computeIfAbsent(pair.zone(), z -> new HashSet<>()).add(pair.cluster());
            } else {
                removeFrom(zonesOfCluster, pair.cluster(), pair.zone());
                removeFrom(clustersOfZone, pair.zone(), pair.cluster());
            }
        }
        zoneClusters = Set.copyOf(now);
        return dirty;
    }

    Set<HostId> putHost(HostRow row) {
        HostRow before = hosts.put(row.id(), row);
        if (row.equals(before)) {
            return Set.of();
        }
        if (before != null) {
            removeFrom(hostsOfCluster, before.cluster(), row.id());
        }
        hostsOfCluster.computeIfAbsent(row.cluster(), c -> new HashSet<>()).add(row.id());
        return Set.of(row.id());
    }

    Set<HostId> putSwitch(SwitchRow row) {
        SwitchRow before = switches.put(row.id(), row);
        if (row.equals(before)) {
            return Set.of();
        }
        Set<HostId> dirty = new HashSet<>(hostsOfZone(row.zone()));
        if (before != null) {
            unslot(before);
            dirty.addAll(hostsOfZone(before.zone()));
        }
        slot(row);
        return dirty;
    }

    Set<HostId> putExternalVteps(LogicalSwitchId ls, List<ExternalVtepConfig> vteps) {
        List<ExternalVtepConfig> before = vteps.isEmpty() ? externalVteps.remove(ls) : externalVteps.put(ls, List.copyOf(vteps));
        if (Objects.equals(before == null ? List.of() : before, vteps)) {
            return Set.of();
        }
        SwitchRow row = switches.get(ls);
        if (row == null) {
            return Set.of();
        }
        slot(row);
        return hostsOfZone(row.zone());
    }

    Set<HostId> putDlr(DlrRow row) {
        DlrRow before = dlrs.put(row.id(), row);
        Optional<TransportZoneId> was = before == null ? Optional.empty() : before.instancesIn();
        if (was.equals(row.instancesIn())) {
            return Set.of();
        }
        Set<HostId> dirty = new HashSet<>();
        was.ifPresent(zone -> {
            removeFrom(dlrsOfZone, zone, row.id());
            dirty.addAll(hostsOfZone(zone));
        });
        row.instancesIn().ifPresent(zone -> {
            dlrsOfZone.computeIfAbsent(zone, z -> new HashSet<>()).add(row.id());
            dirty.addAll(hostsOfZone(zone));
        });
        return dirty;
    }

    Set<HostId> putVnic(VnicRow row) {
        VnicRow before = vnics.put(row.key(), row);
        if (row.equals(before)) {
            return Set.of();
        }
        if (before != null) {
            removeFrom(vnicsOfHost, before.host(), row.key());
        }
        vnicsOfHost.computeIfAbsent(row.host(), h -> new HashSet<>()).add(row.key());
        return before == null || before.host().equals(row.host()) ? Set.of(row.host()) : Set.of(row.host(), before.host());
    }

    // ---- rows that are gone: the store's keys now, when it has fewer rows than the index ----

    Set<HostId> retainHosts(Set<HostId> present) {
        Set<HostId> gone = new HashSet<>(hosts.keySet());
        gone.removeAll(present);
        for (HostId host : gone) {
            HostRow row = hosts.remove(host);
            removeFrom(hostsOfCluster, row.cluster(), host);
        }
        return gone;
    }

    Set<HostId> retainSwitches(Set<LogicalSwitchId> present) {
        Set<HostId> dirty = new HashSet<>();
        for (LogicalSwitchId ls : List.copyOf(switches.keySet())) {
            if (!present.contains(ls)) {
                dirty.addAll(putExternalVteps(ls, List.of()));
                SwitchRow row = switches.remove(ls);
                unslot(row);
                dirty.addAll(hostsOfZone(row.zone()));
            }
        }
        return dirty;
    }

    /** Replaces every switch's external VTEPs with {@code all}; a switch left out has none. */
    Set<HostId> replaceExternalVteps(Map<LogicalSwitchId, List<ExternalVtepConfig>> all) {
        Set<HostId> dirty = new HashSet<>();
        for (LogicalSwitchId ls : List.copyOf(externalVteps.keySet())) {
            if (!all.containsKey(ls)) {
                dirty.addAll(putExternalVteps(ls, List.of()));
            }
        }
        all.forEach((ls, vteps) -> dirty.addAll(putExternalVteps(ls, vteps)));
        return dirty;
    }

    Set<HostId> retainDlrs(Set<DlrId> present) {
        Set<HostId> dirty = new HashSet<>();
        for (DlrId dlr : List.copyOf(dlrs.keySet())) {
            if (!present.contains(dlr)) {
                dirty.addAll(putDlr(new DlrRow(dlr, Optional.empty())));
                dlrs.remove(dlr);
            }
        }
        return dirty;
    }

    Set<HostId> retainVnics(Set<VnicKey> present) {
        Set<HostId> dirty = new HashSet<>();
        for (VnicKey key : List.copyOf(vnics.keySet())) {
            if (!present.contains(key)) {
                VnicRow row = vnics.remove(key);
                removeFrom(vnicsOfHost, row.host(), key);
                dirty.add(row.host());
            }
        }
        return dirty;
    }

    // ---- reading ----

    /** The counts the store's tables have when nothing was deleted since the index read them. */
    HostConfigRows.Counts counts() {
        return new HostConfigRows.Counts(hosts.size(), switches.size(),
                externalVteps.values().stream().mapToLong(List::size).sum(), dlrs.size(), vnics.size());
    }

    Set<HostId> hosts() {
        return Set.copyOf(hosts.keySet());
    }

    boolean hasHost(HostId host) {
        return hosts.containsKey(host);
    }

    /** What {@code host}'s configuration is made of; the host must be in the index. */
    HostConfigInputs inputs(HostId host) {
        HostRow row = Objects.requireNonNull(hosts.get(host), host::value);
        List<LogicalSwitchConfig> switchConfigs = new ArrayList<>();
        List<DlrId> dlrIds = new ArrayList<>();
        for (TransportZoneId zone : new TreeSet<>(zonesOfCluster.getOrDefault(row.cluster(), Set.of()))) {
            switchConfigs.addAll(switchesOfZone.getOrDefault(zone, Collections.emptyNavigableMap()).values());
            dlrIds.addAll(dlrsOfZone.getOrDefault(zone, Set.of()));
        }
        List<HostConfigInputs.VnicInput> vnicInputs = vnicsOfHost.getOrDefault(host, Set.of()).stream()
                .map(key -> vnics.get(key).config()).toList();
        return new HostConfigInputs(host, row.vtep(), row.vtepPrefixLength(), row.routerMac(), switchConfigs, dlrIds, vnicInputs);
    }

    /** Puts (or replaces) the switch's translation, with its current external VTEPs, in its zone. */
    private void slot(SwitchRow row) {
        HostConfigInputs.SwitchInput config = row.config();
        HostConfigInputs.SwitchInput withVteps = new HostConfigInputs.SwitchInput(config.vni(), config.name(),
                config.replicationMode(), externalVteps.getOrDefault(row.id(), List.of()));
        switchesOfZone.computeIfAbsent(row.zone(), z -> new TreeMap<>()).put(ZoneSlot.of(row), HostConfigs.logicalSwitch(withVteps));
    }

    private void unslot(SwitchRow row) {
        NavigableMap<ZoneSlot, LogicalSwitchConfig> zone = switchesOfZone.get(row.zone());
        if (zone != null) {
            zone.remove(ZoneSlot.of(row));
            if (zone.isEmpty()) {
                switchesOfZone.remove(row.zone());
            }
        }
    }

    private Set<HostId> hostsOfZone(TransportZoneId zone) {
        Set<HostId> result = new HashSet<>();
        for (ClusterId cluster : clustersOfZone.getOrDefault(zone, Set.of())) {
            result.addAll(hostsOfCluster.getOrDefault(cluster, Set.of()));
        }
        return result;
    }

    private static <K, V> void removeFrom(Map<K, ? extends Collection<V>> index, K key, V value) {
        Collection<V> values = index.get(key);
        if (values != null) {
            values.remove(value);
            if (values.isEmpty()) {
                index.remove(key);
            }
        }
    }
}
