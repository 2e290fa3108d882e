package org.netweave.manager.southbound;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.netweave.manager.store.Store;
import org.netweave.model.HostId;
import org.netweave.model.Vni;
import org.netweave.proto.controller.v1.Refused;
import org.netweave.proto.controller.v1.ReplicationMode;
import org.netweave.proto.controller.v1.VniPlacement;
import org.netweave.proto.controller.v1.WriteResult;
import org.netweave.proto.manager.v1.HostConfig;
import org.netweave.proto.manager.v1.VnicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the controller cluster's logical switches equal to the desired ones, each with its
 * placement — which hosts hold the VNI and with which vNICs, the authority the switch's owner
 * checks hosts' claims against. After writes it puts every switch that is new or changed since it
 * last did, then every placement that changed, and deletes the switches that are gone.
 * Placements come from the hosts' configurations as {@link HostConfigService} computes them, so a
 * controller admits exactly what the manager told the hosts; bridges add the hosts of the
 * bridging DLR's control VMs, where the bridge may run.
 *
 * <p>Level-triggered, so a controller outage only delays it: a round that fails is retried by the
 * next wake, and {@link #resync()} retries on a timer-free nudge (a controller deployed). What
 * was pushed is remembered in memory; after a manager restart every switch and placement is put
 * again (puts are idempotent), and a switch deleted while the manager was down stays on the
 * controllers until its VNI is reused or deleted again.
 */
public final class LogicalSwitchSync implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(LogicalSwitchSync.class);

    private record Desired(Vni vni, String name, String replicationMode) {
    }

    private final Store store;
    private final ControllerWriters controllers;
    private final CoalescingWorker worker;
    private final Map<Vni, Desired> pushed = new HashMap<>();
    /** Host configurations not yet taken into the placements (empty: the host is gone). */
    private final Map<HostId, Optional<HostConfig>> incoming = new ConcurrentHashMap<>();
    private final Map<HostId, Map<Vni, List<VnicConfig>>> holdings = new HashMap<>();
    private final Map<Vni, Set<HostId>> holders = new HashMap<>();
    private Map<Vni, Set<HostId>> bridgeHosts = Map.of();
    private final Set<Vni> dirtyPlacements = new HashSet<>();
    private final Map<Vni, VniPlacement> placed = new HashMap<>();
    private final HostConfigService hosts;

    /** @param hosts whose configurations the placements follow; start this before it, so none is missed */
    public LogicalSwitchSync(Store store, ControllerWriters controllers, HostConfigService hosts) {
        this.store = store;
        this.controllers = controllers;
        this.hosts = hosts;
        this.worker = new CoalescingWorker("logical-switch-sync", this::round);
    }

    public LogicalSwitchSync start() {
        hosts.onConfigChanged((host, config) -> incoming.put(host, config));
        hosts.onRoundDone(worker::wake);
        store.addCommitListener(generation -> worker.wake());
        worker.start().wake();
        return this;
    }

    public void resync() {
        worker.wake();
    }

    private void round() {
        takeConfigurations();
        Map<Vni, Set<HostId>> bridges = store.read(handle -> {
            Map<Vni, Set<HostId>> result = new HashMap<>();
            handle.createQuery("""
                            SELECT ls.vni, vm.host_id FROM bridge b
                            JOIN logical_switch ls ON ls.id = b.logical_switch_id
                            JOIN vm ON vm.dlr_id = b.dlr_id AND vm.kind = 'CONTROL_VM'
                            WHERE vm.host_id IS NOT NULL""")
                    .map((rs, ctx) -> Map.entry(new Vni(rs.getInt(1)), HostId.of(rs.getString(2))))
                    .forEach(row -> result.computeIfAbsent(row.getKey(), vni -> new HashSet<>()).add(row.getValue()));
            return result;
        });
        Set<Vni> bridged = new HashSet<>(bridges.keySet());
        bridged.addAll(bridgeHosts.keySet());
        for (Vni vni : bridged) {
            if (!bridges.getOrDefault(vni, Set.of()).equals(bridgeHosts.getOrDefault(vni, Set.of()))) {
                dirtyPlacements.add(vni);
            }
        }
        bridgeHosts = bridges;
        if (controllers.addresses().isEmpty()) {
            return;
        }
        List<Desired> desired = store.read(handle -> handle.createQuery(
                        "SELECT vni, name, replication_mode FROM logical_switch ORDER BY vni")
                .map((rs, ctx) -> new Desired(new Vni(rs.getInt(1)), rs.getString(2), rs.getString(3))).list());
        Map<Vni, Desired> wanted = new HashMap<>();
        desired.forEach(ls -> wanted.put(ls.vni(), ls));
        for (Desired ls : desired) {
            if (!ls.equals(pushed.get(ls.vni()))) {
                applied("create logical switch " + ls.vni().value(), controllers.writer().createLogicalSwitch(ls.vni(),
                        ls.name(), ReplicationMode.valueOf(ls.replicationMode()), true));
                // The switch may be new to the controllers (a VNI reused after a delete that
                // looked failed): put its placement again; an equal one costs the owner nothing.
                placed.remove(ls.vni());
                dirtyPlacements.add(ls.vni());
                pushed.put(ls.vni(), ls);
                LOG.info("logical switch {} (VNI {}) is on the controller cluster", ls.name(), ls.vni().value());
            }
        }
        // Until every host's configuration was computed once (after a manager start), holdings
        // are partial, and a placement made from them would cut the other hosts off the VNI.
        List<String> failed = new ArrayList<>();
        if (hosts.hasComputedAll()) {
            for (Vni vni : List.copyOf(dirtyPlacements)) {
                if (!wanted.containsKey(vni)) {
                    dirtyPlacements.remove(vni);
                } else if (putPlacement(vni, failed)) {
                    dirtyPlacements.remove(vni);
                }
            }
        }
        for (Vni gone : List.copyOf(pushed.keySet())) {
            if (!wanted.containsKey(gone)) {
                WriteResult result = controllers.writer().deleteLogicalSwitch(gone);
                if (result.hasApplied() || result.getRefused().getReason() == Refused.Reason.NOT_FOUND) {
                    pushed.remove(gone);
                    placed.remove(gone);
                    LOG.info("logical switch VNI {} deleted on the controller cluster", gone.value());
                }
            }
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("the controller cluster did not take the placements of " + failed);
        }
    }

    /** Folds the configurations that came in into the holdings; the VNIs they touch need a new placement. */
    private void takeConfigurations() {
        for (HostId host : List.copyOf(incoming.keySet())) {
            Optional<HostConfig> config = incoming.remove(host);
            Map<Vni, List<VnicConfig>> before = holdings.getOrDefault(host, Map.of());
            Map<Vni, List<VnicConfig>> after = config.map(VniPlacements::holdings).orElse(Map.of());
            for (Vni vni : VniPlacements.changed(before, after)) {
                dirtyPlacements.add(vni);
                if (after.containsKey(vni)) {
                    holders.computeIfAbsent(vni, v -> new HashSet<>()).add(host);
                } else {
                    Set<HostId> left = holders.get(vni);
                    if (left != null && left.remove(host) && left.isEmpty()) {
                        holders.remove(vni);
                    }
                }
            }
            if (after.isEmpty()) {
                holdings.remove(host);
            } else {
                holdings.put(host, after);
            }
        }
    }

    /** Puts the VNI's placement if it changed; whether it is on the controllers now. One failure does not stop the others. */
    private boolean putPlacement(Vni vni, List<String> failed) {
        Map<HostId, List<VnicConfig>> held = new HashMap<>();
        holders.getOrDefault(vni, Set.of()).forEach(host -> held.put(host, holdings.get(host).get(vni)));
        VniPlacement placement = VniPlacements.of(held, bridgeHosts.getOrDefault(vni, Set.of()));
        if (placement.equals(placed.get(vni))) {
            return true;
        }
        WriteResult result = controllers.writer().putVniPlacement(vni, placement);
        if (result.hasApplied()) {
            placed.put(vni, placement);
            LOG.debug("VNI {}: {} hosts placed on the controller cluster", vni.value(), placement.getHostsCount());
            return true;
        }
        if (result.hasRefused() && result.getRefused().getReason() == Refused.Reason.NOT_FOUND) {
            // The controllers lost the switch (a new cluster): create it again next round.
            pushed.remove(vni);
        }
        failed.add(vni.value() + " (" + result + ")");
        return false;
    }

    private static void applied(String what, WriteResult result) {
        if (!result.hasApplied()) {
            throw new IllegalStateException("the controller cluster did not " + what + ": " + result);
        }
    }

    @Override
    public void close() {
        worker.close();
    }
}
