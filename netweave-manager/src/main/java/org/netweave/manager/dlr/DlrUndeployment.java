package org.netweave.manager.dlr;

import java.util.List;
import java.util.Optional;

import org.netweave.manager.jobs.JobContext;
import org.netweave.manager.jobs.JobKind;
import org.netweave.manager.jobs.JobStep;
import org.netweave.manager.jobs.SimpleStep;
import org.netweave.manager.southbound.ControlVmService;
import org.netweave.manager.southbound.ControllerWriters;
import org.netweave.manager.store.Store;
import org.netweave.model.AntiAffinityRuleId;
import org.netweave.model.DlrId;
import org.netweave.model.VmId;

/**
 * Takes a DLR down in the reverse order of its deployment: off the controller cluster (hosts lose
 * its LIFs and routes), off the hosts, its control VMs deleted, then its rows. Each step is
 * idempotent; there is nothing to roll back to, so a failed step leaves the job FAILED with the DLR
 * in state DELETING for the operator to retry.
 */
public final class DlrUndeployment implements JobKind {
    public static final String KIND = "UNDEPLOY_DLR";
    public static final List<String> STEPS = List.of(
            "receive the call",
            "delete the DLR on the controller cluster",
            "remove the DLR instance from the hosts",
            "delete the control VMs",
            "delete the DLR");

    private final Store store;
    private final ControlVmCompute compute;
    private final ControlVmLauncher launcher;
    private final ControlVmService controlVms;
    private final ControllerWriters controllers;

    public DlrUndeployment(Store store, ControlVmCompute compute, ControlVmLauncher launcher,
                           ControlVmService controlVms, ControllerWriters controllers) {
        this.store = store;
        this.compute = compute;
        this.launcher = launcher;
        this.controlVms = controlVms;
        this.controllers = controllers;
    }

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public List<JobStep> steps() {
        return List.of(
                SimpleStep.of(STEPS.get(0), context -> "received"),
                SimpleStep.of(STEPS.get(1), context -> {
                    if (controllers.addresses().isEmpty()) {
                        return "no controller is deployed, so the DLR is on none";
                    }
                    DlrSouthbound.require("delete the DLR", controllers.writer().deleteDlr(id(context)), true);
                    return "deleted; its controller tells the hosts to drop its LIFs and routes";
                }),
                SimpleStep.of(STEPS.get(2), context -> {
                    store.write((handle, generation) -> {
                        DlrQueries.setInstances(handle, generation, id(context), null, false);
                        return null;
                    });
                    return "hosts drop the DLR instance with their next configuration";
                }),
                SimpleStep.of(STEPS.get(3), this::deleteControlVms),
                SimpleStep.of(STEPS.get(4), context -> {
                    store.write((handle, generation) -> handle.createUpdate("DELETE FROM dlr WHERE id = :id")
                            .bind("id", context.subjectId()).execute());
                    return "DLR " + context.subjectId() + " deleted";
                }));
    }

    private String deleteControlVms(JobContext context) {
        DlrId id = id(context);
        List<VmId> vms = store.read(handle -> DlrQueries.controlVms(handle, id));
        vms.forEach(vm -> {
            launcher.powerOff(vm);
            controlVms.forget(vm);
        });
        store.write((handle, generation) -> {
            Optional<AntiAffinityRuleId> rule = compute.ruleNamed(handle, id + "-control-vms");
            rule.ifPresent(found -> compute.deleteRule(handle, found));
            vms.forEach(vm -> compute.deleteVm(handle, vm));
            return null;
        });
        return vms.isEmpty() ? "no control VM" : "powered off and deleted " + vms;
    }

    private static DlrId id(JobContext context) {
        return DlrId.of(context.subjectId());
    }
}
