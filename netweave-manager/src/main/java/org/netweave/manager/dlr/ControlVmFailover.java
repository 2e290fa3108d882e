package org.netweave.manager.dlr;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.netweave.manager.jobs.JobContext;
import org.netweave.manager.jobs.JobKind;
import org.netweave.manager.jobs.JobRunner;
import org.netweave.manager.jobs.JobStep;
import org.netweave.manager.jobs.JobStore;
import org.netweave.manager.jobs.SimpleStep;
import org.netweave.manager.jobs.Waits;
import org.netweave.manager.network.router.DlrStore;
import org.netweave.manager.southbound.ControlVmService;
import org.netweave.manager.store.Store;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.VmId;
import org.netweave.proto.manager.v1.ControlVmStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the standby control VM of an HA pair takes over, the manager records it as a job, so the
 * job log shows the failover and what followed: the L2 bridge instances move to the new active
 * control VM's host (NSX: the bridge runs where the active control VM runs), and the DLR's
 * controller holds the new active control VM's forwarding table (routes stay on every host
 * throughout: the controller keeps the old table until the new one arrives).
 */
public final class ControlVmFailover implements JobKind {
    private static final Logger LOG = LoggerFactory.getLogger(ControlVmFailover.class);
    public static final String KIND = "CONTROL_VM_FAILOVER";
    public static final List<String> STEPS = List.of(
            "the standby declared the active control VM dead and took over",
            "move the L2 bridge instances to the new active control VM's host",
            "the DLR's controller holds the new active control VM's forwarding table");

    private final Store store;
    private final JobRunner jobs;
    private final ControlVmService controlVms;
    private final DlrSync sync;
    private final Clock clock;
    private final Duration timeout;
    private final Set<String> recorded = ConcurrentHashMap.newKeySet();

    public ControlVmFailover(Store store, JobRunner jobs, ControlVmService controlVms, DlrSync sync, Clock clock,
                             Duration timeout) {
        this.store = store;
        this.jobs = jobs;
        this.controlVms = controlVms;
        this.sync = sync;
        this.clock = clock;
        this.timeout = timeout;
        controlVms.addRoleListener(this::roleReported);
    }

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public List<JobStep> steps() {
        return List.of(
                SimpleStep.of(STEPS.get(0), context -> "taken over"),
                SimpleStep.of(STEPS.get(1), this::awaitBridges),
                SimpleStep.of(STEPS.get(2), this::awaitTable));
    }

    /**
     * A control VM that reports itself active at a term above the first has taken over; record each
     * takeover once, and never let a failure here fail the control VM's report.
     */
    private void roleReported(ControlVmStatus status) {
        String key = status.getDlrId() + "@" + status.getHaTerm();
        if (!status.getActive() || status.getHaTerm() < 2 || recorded.contains(key)) {
            return;
        }
        try {
            record(status);
            recorded.add(key);
        } catch (RuntimeException e) {
            LOG.warn("{}: recording the control VM failover failed: {}", status.getDlrId(), e.toString());
        }
    }

    private void record(ControlVmStatus status) {
        DlrId dlr = DlrId.of(status.getDlrId());
        List<VmId> vms = store.read(handle -> DlrQueries.controlVms(handle, dlr));
        String silent = vms.stream().map(VmId::value).filter(vm -> !vm.equals(status.getVmId())).findFirst().orElse("its peer");
        String detail = status.getVmId() + " heard nothing from " + silent + " for the dead time and is active now (HA term "
                + status.getHaTerm() + ")";
        store.write((handle, generation) -> {
            jobs.wake();
            return JobStore.insert(handle, generation, clock.instant(), KIND, dlr.value(), STEPS, 1, detail);
        });
        LOG.atInfo().setMessage("{}: control VM failover: {}").addArgument(dlr).addArgument(detail)
                .addKeyValue("event", "controlvm-failover").addKeyValue("dlr", dlr.value())
                .addKeyValue("active", status.getVmId()).addKeyValue("silent", silent)
                .addKeyValue("term", status.getHaTerm()).log();
    }

    private String awaitBridges(JobContext context) throws Exception {
        DlrId dlr = DlrId.of(context.subjectId());
        int bridges = store.read(handle -> DlrStore.get(handle, dlr)).map(config -> config.bridges().size()).orElse(0);
        if (bridges == 0) {
            return "the DLR has no bridge";
        }
        Optional<HostId> target = activeHost(dlr);
        Waits.until(context, timeout, "the bridges to move", () -> target.isPresent()
                && sync.bridgeHost(dlr).equals(target), () -> "bridges on " + sync.bridgeHost(dlr).map(HostId::value)
                .orElse("no host yet") + ", moving to " + target.map(HostId::value).orElse("?"));
        return bridges + " bridge instance(s) now on " + target.orElseThrow() + ", the new active control VM's host";
    }

    private String awaitTable(JobContext context) throws Exception {
        DlrId dlr = DlrId.of(context.subjectId());
        VmId active = activeVm(dlr).orElseThrow(() -> new IllegalStateException(dlr + " has no control VM"));
        Waits.until(context, timeout, "the new active control VM's table", () -> controlVms.status(active)
                        .map(status -> status.getPublishedGeneration() > 0 && status.getActive()).orElse(false),
                () -> "control VM " + active + " " + controlVms.status(active).map(ControlVmStatus::getError)
                        .filter(error -> !error.isEmpty()).orElse("pushing"));
        int routes = controlVms.status(active).map(ControlVmStatus::getRouteCount).orElse(0);
        return active + "'s forwarding table of " + routes + " routes is on the DLR's controller";
    }

    private Optional<VmId> activeVm(DlrId dlr) {
        return controlVms.active(store.read(handle -> DlrQueries.controlVms(handle, dlr)));
    }

    private Optional<HostId> activeHost(DlrId dlr) {
        return activeVm(dlr).flatMap(vm -> store.read(handle -> DlrQueries.hostOf(handle, vm)));
    }
}
