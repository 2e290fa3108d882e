package org.netweave.manager.dlr;

import java.io.Closeable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.netweave.manager.network.router.DlrConfig;
import org.netweave.manager.network.router.DlrStore;
import org.netweave.manager.southbound.CoalescingWorker;
import org.netweave.manager.southbound.ControlVmService;
import org.netweave.manager.southbound.ControllerWriters;
import org.netweave.manager.store.Store;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.VmId;
import org.netweave.proto.controller.v1.Bridge;
import org.netweave.proto.controller.v1.Lif;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries changes of deployed DLRs south after their deployment job is done: LIFs and bridges to
 * the DLR's controller, routes to the control VM, which publishes the new forwarding table (the
 * LIFs first, so the controller never sees a route through a LIF it does not know). A bridge runs
 * on the host of the active control VM (NSX: the bridge instance follows the control VM).
 * Level-triggered, like {@code LogicalSwitchSync}, with what was pushed kept in memory.
 */
public final class DlrSync implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(DlrSync.class);

    private record Pushed(long generation, Optional<VmId> active, Map<String, Lif> lifs, Map<String, Bridge> bridges) {
    }

    private final Store store;
    private final ControllerWriters controllers;
    private final ControlVmService controlVms;
    private final CoalescingWorker worker;
    private final ControlVmHaTiming ha;
    private final Map<DlrId, Pushed> pushed = new java.util.concurrent.ConcurrentHashMap<>();

    public DlrSync(Store store, ControllerWriters controllers, ControlVmService controlVms, ControlVmHaTiming ha) {
        this.store = store;
        this.controllers = controllers;
        this.controlVms = controlVms;
        this.ha = ha;
        this.worker = new CoalescingWorker("dlr-sync", this::round);
    }

    public DlrSync start() {
        store.addCommitListener(generation -> worker.wake());
        // A control VM that takes over moves the DLR's bridges to its host.
        controlVms.addRoleListener(status -> worker.wake());
        // A control VM that (re)connects may have a new heartbeat address its peer must be told.
        controlVms.addConnectListener(hello -> {
            if (!hello.getDlrId().isEmpty()) {
                pushed.remove(DlrId.of(hello.getDlrId()));
                worker.wake();
            }
        });
        worker.start().wake();
        return this;
    }

    /** The host the DLR's bridges were last put on; empty before any was. */
    public Optional<HostId> bridgeHost(DlrId dlr) {
        Pushed last = pushed.get(dlr);
        if (last == null) {
            return Optional.empty();
        }
        return last.bridges().values().stream().findFirst().map(bridge -> HostId.of(bridge.getHostId()));
    }

    /**
     * Every write wakes this, so a round first reads the deployed DLRs' generations in one query
     * and each one's control VMs through the VM table's DLR index, and reads the whole
     * configuration only of a DLR written since it was pushed or whose active control VM changed:
     * the cost of a write follows the DLRs it touched.
     */
    private void round() {
        Map<DlrId, Long> deployed = store.read(DlrQueries::deployedGenerations);
        pushed.keySet().retainAll(deployed.keySet());
        for (var entry : deployed.entrySet()) {
            DlrId id = entry.getKey();
            Pushed before = pushed.get(id);
            Optional<VmId> active = controlVms.active(store.read(handle -> DlrQueries.controlVms(handle, id)));
            if (before != null && before.generation() >= entry.getValue() && before.active().equals(active)) {
                continue;
            }
            Optional<DlrConfig> config = store.read(handle -> DlrStore.get(handle, id));
            if (config.isPresent()) {
                pushed.put(id, sync(config.get(), before));
            }
        }
    }

    private Pushed sync(DlrConfig dlr, Pushed before) {
        Map<String, Lif> lifs = new HashMap<>();
        dlr.lifs().forEach(lif -> lifs.put(DlrSouthbound.lifId(lif), DlrSouthbound.lif(lif)));
        List<VmId> vms = store.read(handle -> DlrQueries.controlVms(handle, dlr.id()));
        Optional<VmId> active = controlVms.active(vms);
        Optional<HostId> bridgeHost = active.flatMap(vm -> store.read(handle -> DlrQueries.hostOf(handle, vm)));
        Map<String, Bridge> bridges = new HashMap<>();
        dlr.bridges().forEach(bridge -> {
            Bridge.Builder built = Bridge.newBuilder().setBridgeId(bridge.id().value()).setVni(bridge.vni().value())
                    .setVlan(bridge.vlan().value());
            bridgeHost.ifPresent(host -> built.setHostId(host.value()));
            bridges.put(bridge.id().value(), built.build());
        });
        Map<String, Lif> lifsBefore = before == null ? Map.of() : before.lifs();
        Map<String, Bridge> bridgesBefore = before == null ? Map.of() : before.bridges();
        var writer = controllers.writer();
        for (var lif : lifs.entrySet()) {
            if (!lif.getValue().equals(lifsBefore.get(lif.getKey()))) {
                DlrSouthbound.require("put LIF " + lif.getKey(), writer.putLif(dlr.id(), lif.getValue()), false);
            }
        }
        for (int i = 0; i < vms.size(); i++) {
            controlVms.configure(vms.get(i), DlrSouthbound.controlVmConfig(dlr, controllers.addresses(), true, i, vms,
                    controlVms, ha));
        }
        for (String gone : lifsBefore.keySet()) {
            if (!lifs.containsKey(gone)) {
                DlrSouthbound.require("delete LIF " + gone, writer.deleteLif(dlr.id(), gone), true);
            }
        }
        for (var bridge : bridges.entrySet()) {
            if (!bridge.getValue().equals(bridgesBefore.get(bridge.getKey()))) {
                DlrSouthbound.require("put bridge " + bridge.getKey(), writer.putBridge(dlr.id(), bridge.getValue()), false);
            }
        }
        for (String gone : bridgesBefore.keySet()) {
            if (!bridges.containsKey(gone)) {
                DlrSouthbound.require("delete bridge " + gone, writer.deleteBridge(dlr.id(), gone), true);
            }
        }
        LOG.info("{} at generation {} is on its controller: {} LIFs, {} static routes, {} bridges", dlr.id(),
                dlr.generation(), lifs.size(), dlr.staticRoutes().size(), bridges.size());
        return new Pushed(dlr.generation(), active, lifs, bridges);
    }

    @Override
    public void close() {
        worker.close();
    }
}
