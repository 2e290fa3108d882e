package org.netweave.manager.southbound;

import java.io.Closeable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.netweave.manager.store.Store;
import org.netweave.model.Vni;
import org.netweave.proto.controller.v1.ReplicationMode;
import org.netweave.proto.controller.v1.WriteResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the controller cluster's logical switches equal to the desired ones: after writes, puts
 * every switch that is new or changed since it last did and deletes the ones that are gone.
 * Level-triggered, so a controller outage only delays it: a round that fails is retried by the
 * next wake, and {@link #resync()} retries on a timer-free nudge (a controller deployed).
 *
 * <p>What was pushed is remembered in memory; after a manager restart every switch is put again
 * (puts are idempotent), and a switch deleted while the manager was down stays on the controllers
 * until its VNI is reused or deleted again.
 */
public final class LogicalSwitchSync implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(LogicalSwitchSync.class);

    private record Desired(Vni vni, String name, String replicationMode) {
    }

    private final Store store;
    private final ControllerWriters controllers;
    private final CoalescingWorker worker;
    private final Map<Vni, Desired> pushed = new HashMap<>();

    public LogicalSwitchSync(Store store, ControllerWriters controllers) {
        this.store = store;
        this.controllers = controllers;
        this.worker = new CoalescingWorker("logical-switch-sync", this::round);
    }

    public LogicalSwitchSync start() {
        store.addCommitListener(generation -> worker.wake());
        worker.start().wake();
        return this;
    }

    public void resync() {
        worker.wake();
    }

    private void round() {
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
                pushed.put(ls.vni(), ls);
                LOG.info("logical switch {} (VNI {}) is on the controller cluster", ls.name(), ls.vni().value());
            }
        }
        for (Vni gone : List.copyOf(pushed.keySet())) {
            if (!wanted.containsKey(gone)) {
                WriteResult result = controllers.writer().deleteLogicalSwitch(gone);
                if (result.hasApplied() || result.getRefused().getReason()
                        == org.netweave.proto.controller.v1.Refused.Reason.NOT_FOUND) {
                    pushed.remove(gone);
                    LOG.info("logical switch VNI {} deleted on the controller cluster", gone.value());
                }
            }
        }
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
