package org.netweave.manager.dlr;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.netweave.manager.jobs.JobContext;
import org.netweave.manager.jobs.JobKind;
import org.netweave.manager.jobs.JobStep;
import org.netweave.manager.jobs.SimpleStep;
import org.netweave.manager.jobs.Waits;
import org.netweave.manager.network.Spans;
import org.netweave.manager.network.router.DlrConfig;
import org.netweave.manager.network.router.DlrState;
import org.netweave.manager.network.router.DlrStore;
import org.netweave.manager.network.router.Lif;
import org.netweave.manager.network.zone.TransportZoneStore;
import org.netweave.manager.realization.RealizationService;
import org.netweave.manager.southbound.ControlVmService;
import org.netweave.manager.southbound.ControllerWriters;
import org.netweave.manager.southbound.HostConfigService;
import org.netweave.manager.store.Store;
import org.netweave.model.AntiAffinityRuleId;
import org.netweave.model.ClusterId;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.TransportZoneId;
import org.netweave.model.VmId;
import org.netweave.proto.controller.v1.WriteResult;
import org.netweave.proto.manager.v1.ControlVmStatus;
import org.netweave.proto.manager.v1.DlrConnection;

/**
 * The DLR deployment job, step by step as seed 000 describes NSX Manager doing it. Every step is
 * idempotent (a restarted manager runs the step it was in again) and undoes what it created when
 * a later step fails.
 */
public final class DlrDeployment implements JobKind {
    public static final String KIND = "DEPLOY_DLR";
    public static final List<String> STEPS = List.of(
            "receive the call",
            "deploy the control VM through the compute inventory",
            "the control VM connects back to the manager",
            "keep an HA pair apart with an anti-affinity rule",
            "create the DLR instance on every host of its transport zone",
            "create the DLR on the controller cluster",
            "send the configuration with the LIFs to the control VM",
            "hosts learn the DLR's controller and connect to it",
            "create the LIFs on the controller cluster",
            "the control VM sends its forwarding table to the DLR's controller");

    /** How long each waiting step waits for the world. */
    public record Timeouts(Duration controlVmConnect, Duration hostsApply, Duration controllerPush,
                           ControlVmHaTiming controlVmHa) {
        public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(60), Duration.ofSeconds(60),
                Duration.ofSeconds(60), ControlVmHaTiming.NSX_DEFAULTS);
    }

    private final Store store;
    private final ControlVmCompute compute;
    private final ControlVmLauncher launcher;
    private final ControlVmService controlVms;
    private final HostConfigService hostConfigs;
    private final RealizationService realization;
    private final ControllerWriters controllers;
    private final Timeouts timeouts;

    public DlrDeployment(Store store, ControlVmCompute compute, ControlVmLauncher launcher, ControlVmService controlVms,
                         HostConfigService hostConfigs, RealizationService realization, ControllerWriters controllers,
                         Timeouts timeouts) {
        this.store = store;
        this.compute = compute;
        this.launcher = launcher;
        this.controlVms = controlVms;
        this.hostConfigs = hostConfigs;
        this.realization = realization;
        this.controllers = controllers;
        this.timeouts = timeouts;
    }

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public List<JobStep> steps() {
        return List.of(
                SimpleStep.of(STEPS.get(0), context -> "received", this::forgetDlr),
                SimpleStep.of(STEPS.get(1), this::deployControlVms, this::deleteControlVms),
                SimpleStep.of(STEPS.get(2), this::awaitControlVms),
                SimpleStep.of(STEPS.get(3), this::separatePair, this::deleteRule),
                SimpleStep.of(STEPS.get(4), this::createInstances, this::removeInstances),
                SimpleStep.of(STEPS.get(5), this::createOnControllers, this::deleteOnControllers),
                SimpleStep.of(STEPS.get(6), this::configureControlVms),
                SimpleStep.of(STEPS.get(7), this::awaitHostSessions),
                SimpleStep.of(STEPS.get(8), this::createLifs),
                SimpleStep.of(STEPS.get(9), this::publishForwardingTable));
    }

    // ---- 1: the API validated and stored the DLR; a failed job takes it away again ----

    private String forgetDlr(JobContext context) {
        DlrId id = DlrId.of(context.subjectId());
        if (context.laterUndoFailed()) {
            // Deleting it would leave what could not be undone (control VMs, the DLR on the
            // controllers) with nothing that names it; DELETE /dlrs/{id} cleans up later.
            store.write((handle, generation) -> {
                DlrQueries.setState(handle, generation, id, DlrState.FAILED);
                return null;
            });
            return "DLR " + id + " kept in state FAILED because a later step could not be undone; delete it to "
                    + "clean up";
        }
        store.write((handle, generation) -> handle.createUpdate("DELETE FROM dlr WHERE id = :id")
                .bind("id", id.value()).execute());
        return "DLR " + id + " deleted";
    }

    // ---- 2 ----

    private String deployControlVms(JobContext context) {
        DlrConfig dlr = dlr(context);
        int wanted = dlr.haEnabled() ? 2 : 1;
        List<VmId> vms = store.write((handle, generation) -> {
            List<VmId> existing = new ArrayList<>(DlrQueries.controlVms(handle, dlr.id()));
            List<ClusterId> clusters = applianceClusters(handle, dlr);
            for (int i = existing.size(); i < wanted; i++) {
                existing.add(compute.deployControlVm(handle, generation, dlr.id(), dlr.id() + "-" + i, clusters));
            }
            return existing;
        }).value();
        vms.forEach(vm -> launcher.powerOn(vm, dlr.id()));
        return (dlr.haEnabled() ? "HA pair " : "control VM ") + placements(vms) + " powered on";
    }

    private String deleteControlVms(JobContext context) {
        DlrId id = DlrId.of(context.subjectId());
        List<VmId> vms = store.read(handle -> DlrQueries.controlVms(handle, id));
        for (VmId vm : vms) {
            launcher.powerOff(vm);
            controlVms.forget(vm);
            store.write((handle, generation) -> {
                compute.deleteVm(handle, vm);
                return null;
            });
        }
        return vms.isEmpty() ? null : "powered off and deleted " + vms;
    }

    private List<ClusterId> applianceClusters(org.jdbi.v3.core.Handle handle, DlrConfig dlr) {
        if (dlr.applianceCluster() != null) {
            return List.of(dlr.applianceCluster());
        }
        return TransportZoneStore.clusters(handle, zone(dlr));
    }

    // ---- 3 ----

    private String awaitControlVms(JobContext context) throws Exception {
        DlrConfig dlr = dlr(context);
        List<VmId> vms = store.read(handle -> DlrQueries.controlVms(handle, dlr.id()));
        // A manager that restarted has lost the running guests of the all-in-one mode: boot them again.
        vms.forEach(vm -> launcher.powerOn(vm, dlr.id()));
        Waits.until(context, timeouts.controlVmConnect(), "the control VM to connect back",
                () -> vms.stream().allMatch(controlVms::isConnected),
                () -> vms.stream().filter(controlVms::isConnected).count() + " of " + vms.size() + " connected");
        return vms + " connected; ready for configuration";
    }

    // ---- 4 ----

    private String separatePair(JobContext context) {
        DlrConfig dlr = dlr(context);
        if (!dlr.haEnabled()) {
            return "no HA pair: nothing to keep apart";
        }
        String rule = dlr.id() + "-control-vms";
        var written = store.write((handle, generation) -> {
            List<VmId> vms = DlrQueries.controlVms(handle, dlr.id());
            AntiAffinityRuleId id = compute.ruleNamed(handle, rule).orElse(null);
            if (id == null) {
                id = compute.keepApart(handle, generation, rule, vms, applianceClusters(handle, dlr));
            }
            return id + " keeps " + placements(handle, vms) + " apart";
        });
        return written.value();
    }

    private String deleteRule(JobContext context) {
        String rule = context.subjectId() + "-control-vms";
        return store.write((handle, generation) -> {
            Optional<AntiAffinityRuleId> id = compute.ruleNamed(handle, rule);
            id.ifPresent(found -> compute.deleteRule(handle, found));
            return id.map(found -> "rule " + found + " deleted").orElse(null);
        }).value();
    }

    // ---- 5 ----

    private String createInstances(JobContext context) throws Exception {
        DlrConfig dlr = dlr(context);
        record Zone(TransportZoneId zone, List<ClusterId> clusters, List<HostId> hosts, long generation) {
        }
        Zone zone = store.write((handle, generation) -> {
            TransportZoneId tz = zone(dlr);
            DlrQueries.setInstances(handle, generation, dlr.id(), tz, true);
            return new Zone(tz, TransportZoneStore.clusters(handle, tz), Spans.hostsOfZone(handle, tz), generation);
        }).value();
        Waits.until(context, timeouts.hostsApply(), "the hosts to take the DLR instance",
                () -> connected(zone.hosts()).stream().allMatch(host -> realization.isRealized(host, zone.generation())),
                () -> applied(zone.hosts(), zone.generation()));
        return "transport zone " + zone.zone() + ", clusters " + zone.clusters() + ": the DLR id is on "
                + applied(zone.hosts(), zone.generation());
    }

    private String removeInstances(JobContext context) {
        DlrId id = DlrId.of(context.subjectId());
        store.write((handle, generation) -> {
            DlrQueries.setInstances(handle, generation, id, null, false);
            return null;
        });
        return "hosts drop the DLR instance";
    }

    // ---- 6 ----

    private String createOnControllers(JobContext context) {
        DlrConfig dlr = dlr(context);
        List<String> vms = store.read(handle -> DlrQueries.controlVms(handle, dlr.id())).stream().map(VmId::value).toList();
        WriteResult result = DlrSouthbound.require("create the DLR",
                controllers.writer().createDlr(dlr.id(), dlr.name(), vms), false);
        String master = result.getApplied().getNodeId();
        store.write((handle, generation) -> {
            DlrQueries.setController(handle, generation, dlr.id(), master);
            return null;
        });
        return "the controller cluster chose " + master + " as the DLR's master (epoch " + result.getApplied().getEpoch() + ")";
    }

    private String deleteOnControllers(JobContext context) {
        DlrId id = DlrId.of(context.subjectId());
        if (controllers.addresses().isEmpty()) {
            return "no controller is deployed, so the DLR is on none";
        }
        DlrSouthbound.require("delete the DLR", controllers.writer().deleteDlr(id), true);
        return "DLR deleted on the controller cluster";
    }

    // ---- 7 ----

    private String configureControlVms(JobContext context) throws Exception {
        DlrConfig dlr = dlr(context);
        List<VmId> vms = store.read(handle -> DlrQueries.controlVms(handle, dlr.id()));
        for (int i = 0; i < vms.size(); i++) {
            controlVms.configure(vms.get(i), DlrSouthbound.controlVmConfig(dlr, controllers.addresses(), false, i, vms,
                    controlVms, timeouts.controlVmHa()));
        }
        Waits.until(context, timeouts.controlVmConnect(), "the control VM to take its configuration",
                () -> vms.stream().allMatch(vm -> configGeneration(vm) >= dlr.generation()),
                () -> vms.stream().filter(vm -> configGeneration(vm) >= dlr.generation()).count() + " of " + vms.size()
                        + " hold generation " + dlr.generation());
        return vms + " hold generation " + dlr.generation() + ": " + dlr.lifs().size() + " LIFs, "
                + dlr.staticRoutes().size() + " static routes" + (dlr.defaultRoute() == null ? ""
                : ", default route via " + dlr.defaultRoute().nextHop());
    }

    // ---- 8 ----

    private String awaitHostSessions(JobContext context) throws Exception {
        DlrConfig dlr = dlr(context);
        List<HostId> hosts = store.read(handle -> Spans.hostsOfZone(handle, dlr.transportZone()));
        Waits.until(context, timeouts.hostsApply(), "the hosts to connect to the DLR's controller",
                () -> connected(hosts).stream().allMatch(host -> sessionOf(host, dlr.id()).isPresent()),
                () -> sessions(hosts, dlr.id()));
        return sessions(hosts, dlr.id());
    }

    // ---- 9 ----

    private String createLifs(JobContext context) {
        DlrConfig dlr = dlr(context);
        for (Lif lif : dlr.lifs()) {
            DlrSouthbound.require("create LIF " + DlrSouthbound.lifId(lif),
                    controllers.writer().putLif(dlr.id(), DlrSouthbound.lif(lif)), false);
        }
        store.write((handle, generation) -> {
            DlrQueries.setLifsPublished(handle, generation, dlr.id());
            return null;
        });
        return dlr.lifs().size() + " LIFs created: " + dlr.lifs().stream()
                .map(lif -> DlrSouthbound.lifId(lif) + " " + lif.address() + " on " + lif.network())
                .collect(Collectors.joining(", "));
    }

    // ---- 10 ----

    private String publishForwardingTable(JobContext context) throws Exception {
        DlrConfig dlr = dlr(context);
        List<VmId> vms = store.read(handle -> DlrQueries.controlVms(handle, dlr.id()));
        if (vms.isEmpty()) {
            throw new IllegalStateException("the DLR has no control VM to send its forwarding table; its VM was "
                    + "deleted outside the job");
        }
        VmId active = vms.getFirst();
        for (int i = 0; i < vms.size(); i++) {
            controlVms.configure(vms.get(i), DlrSouthbound.controlVmConfig(dlr, controllers.addresses(), true, i, vms,
                    controlVms, timeouts.controlVmHa()));
        }
        Waits.until(context, timeouts.controllerPush(), "the DLR's controller to apply the forwarding table",
                () -> controlVms.status(active).map(s -> s.getPublishedGeneration() >= dlr.generation()).orElse(false),
                () -> controlVms.status(active).map(s -> s.getError().isEmpty() ? "control VM " + active + " pushing"
                        : "control VM " + active + ": " + s.getError()).orElse("control VM " + active + " silent"));
        int routes = controlVms.status(active).map(ControlVmStatus::getRouteCount).orElse(0);
        List<HostId> hosts = store.read(handle -> Spans.hostsOfZone(handle, dlr.transportZone()));
        int lifs = dlr.lifs().size();
        Waits.until(context, timeouts.hostsApply(), "the hosts to receive the LIFs and routes",
                () -> connected(hosts).stream().allMatch(host -> sessionOf(host, dlr.id())
                        .map(c -> c.getLifCount() == lifs && c.getRouteCount() >= routes).orElse(false)),
                () -> hostTables(hosts, dlr.id()));
        store.write((handle, generation) -> {
            DlrQueries.setState(handle, generation, dlr.id(), DlrState.DEPLOYED);
            return null;
        });
        return "forwarding table of " + routes + " routes applied by " + (dlr.controller() == null ? "its controller" : dlr.controller().value())
                + "; " + hostTables(hosts, dlr.id());
    }

    // ---- helpers ----

    private DlrConfig dlr(JobContext context) {
        DlrId id = DlrId.of(context.subjectId());
        return store.read(handle -> DlrStore.get(handle, id))
                .orElseThrow(() -> new IllegalStateException("DLR " + id + " is gone"));
    }

    /** The zone of the DLR's logical switches, as the network store derives it until step 5 stores it. */
    private static TransportZoneId zone(DlrConfig dlr) {
        if (dlr.transportZone() == null) {
            throw new IllegalStateException(dlr.id() + " has no interface on a logical switch, so no transport zone");
        }
        return dlr.transportZone();
    }

    /** The hosts to wait for: connected ones (others get the DLR when they connect). */
    private List<HostId> connected(List<HostId> hosts) {
        return realization.expected(hosts);
    }

    private String applied(List<HostId> hosts, long generation) {
        long done = connected(hosts).stream().filter(host -> realization.isRealized(host, generation)).count();
        long away = hosts.stream().filter(host -> !realization.isConnected(host)).count();
        return hosts.size() + " hosts, " + done + " applied" + (away == 0 ? ""
                : ", " + away + " not connected (they get it when they connect)");
    }

    private Optional<DlrConnection> sessionOf(HostId host, DlrId dlr) {
        return Optional.ofNullable(hostConfigs.dlrConnections(host).get(dlr))
                .filter(connection -> !connection.getControllerId().isEmpty());
    }

    private String sessions(List<HostId> hosts, DlrId dlr) {
        Map<String, List<HostId>> byController = connected(hosts).stream()
                .filter(host -> sessionOf(host, dlr).isPresent())
                .collect(Collectors.groupingBy(host -> sessionOf(host, dlr).get().getControllerId()));
        long waiting = connected(hosts).stream().filter(host -> sessionOf(host, dlr).isEmpty()).count();
        String connected = byController.entrySet().stream().map(e -> e.getValue().size() + " hosts connected to " + e.getKey())
                .collect(Collectors.joining(", "));
        String looking = waiting == 0 ? "" : waiting + " still looking for the owner";
        return connected.isEmpty() || looking.isEmpty() ? connected + looking : connected + "; " + looking;
    }

    private String hostTables(List<HostId> hosts, DlrId dlr) {
        return connected(hosts).stream().map(host -> host + " " + sessionOf(host, dlr)
                        .map(c -> c.getLifCount() + " LIFs/" + c.getRouteCount() + " routes").orElse("no session"))
                .collect(Collectors.joining(", "));
    }

    private long configGeneration(VmId vm) {
        return controlVms.status(vm).map(ControlVmStatus::getConfigGeneration).orElse(0L);
    }

    private String placements(List<VmId> vms) {
        return store.read(handle -> placements(handle, vms));
    }

    private static String placements(org.jdbi.v3.core.Handle handle, List<VmId> vms) {
        return vms.stream().map(vm -> vm + " on " + DlrQueries.hostOf(handle, vm).map(HostId::value).orElse("?"))
                .collect(Collectors.joining(" and "));
    }
}
