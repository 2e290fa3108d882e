package org.netweave.manager.controllers;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.netweave.controller.slice.Role;
import org.netweave.controller.zk.ClusterStatus;
import org.netweave.manager.api.ApiException;
import org.netweave.manager.jobs.JobKind;
import org.netweave.manager.jobs.JobRunner;
import org.netweave.manager.jobs.JobStep;
import org.netweave.manager.jobs.JobStore;
import org.netweave.manager.jobs.SimpleStep;
import org.netweave.manager.jobs.Waits;
import org.netweave.manager.store.Store;
import org.netweave.model.ControllerId;
import org.netweave.model.JobId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys, lists and removes controller nodes. Deploying and removing are jobs: starting a node
 * and its ZooKeeper peer, and waiting for the cluster to take it in, take seconds.
 */
public final class ControllerService {
    private static final Logger LOG = LoggerFactory.getLogger(ControllerService.class);
    static final String DEPLOY = "DEPLOY_CONTROLLER";
    static final String REMOVE = "REMOVE_CONTROLLER";
    private static final List<String> DEPLOY_STEPS = List.of("receive the call",
            "start the controller node and its ZooKeeper peer", "join the cluster and elect role masters");
    private static final List<String> REMOVE_STEPS = List.of("receive the call",
            "leave the cluster and stop the node", "delete the controller");

    private final Store store;
    private final JobRunner jobs;
    private final ControllerFleet fleet;
    private final Clock clock;
    private final Duration settleTimeout;
    private final Runnable controllersChanged;

    public ControllerService(Store store, JobRunner jobs, ControllerFleet fleet, Clock clock, Duration settleTimeout,
                             Runnable controllersChanged) {
        this.store = store;
        this.jobs = jobs;
        this.fleet = fleet;
        this.clock = clock;
        this.settleTimeout = settleTimeout;
        this.controllersChanged = controllersChanged;
        jobs.register(JobKind.of(DEPLOY, deploySteps()));
        jobs.register(JobKind.of(REMOVE, removeSteps()));
    }

    public ControllerJobAccepted deploy(DeployControllerRequest request) {
        var written = store.write((handle, generation) -> {
            ControllerId id = ControllerId.of(Store.nextId(handle, "controller", "-"));
            String name = request.name() == null || request.name().isBlank() ? id.value() : request.name().strip();
            if (ControllerQueries.nameTaken(handle, name)) {
                throw ApiException.conflict("name", "a controller named '" + name + "' exists");
            }
            handle.createUpdate("INSERT INTO controller (id, name, status, generation, created_at) "
                            + "VALUES (:id, :name, 'DEPLOYING', :generation, :now)")
                    .bind("id", id.value()).bind("name", name).bind("generation", generation)
                    .bind("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).execute();
            jobs.wake();
            JobId job = JobStore.insert(handle, generation, clock.instant(), DEPLOY, id.value(), DEPLOY_STEPS, 1,
                    "deploy " + id + " (" + name + ")");
            return new ControllerJobAccepted(id.value(), job.value(), generation);
        });
        return written.value();
    }

    public ControllerJobAccepted remove(ControllerId id, boolean force) {
        return store.write((handle, generation) -> {
            ControllerView controller = ControllerQueries.find(handle, id)
                    .orElseThrow(() -> ApiException.notFound("id", "controller", id));
            if (!controller.status().equals("RUNNING")) {
                throw ApiException.conflict("id", id + " is " + controller.status() + "; only a RUNNING controller can be removed");
            }
            if (ControllerQueries.countStaying(handle) == 1 && !force) {
                throw ApiException.conflict("forceRemoval", id + " is the last controller: removing it leaves no "
                        + "control plane, and DLRs stop getting routes; set forceRemoval=true to do it anyway");
            }
            handle.createUpdate("UPDATE controller SET status = 'REMOVING', generation = :g WHERE id = :id")
                    .bind("g", generation).bind("id", id.value()).execute();
            jobs.wake();
            JobId job = JobStore.insert(handle, generation, clock.instant(), REMOVE, id.value(), REMOVE_STEPS, 1,
                    "remove " + id + (force ? " (forced)" : ""));
            return new ControllerJobAccepted(id.value(), job.value(), generation);
        }).value();
    }

    /**
     * Records the controllers the fleet already has and the store does not (an external cluster the
     * manager starts against) as RUNNING, so hosts are given their addresses.
     */
    public void adoptFleet() {
        store.write((handle, generation) -> {
            for (ControllerId id : fleet.ids()) {
                if (ControllerQueries.find(handle, id).isEmpty()) {
                    handle.createUpdate("INSERT INTO controller (id, name, address, status, generation, created_at) "
                                    + "VALUES (:id, :id, :address, 'RUNNING', :generation, :now)")
                            .bind("id", id.value()).bind("address", fleet.address(id).orElseThrow())
                            .bind("generation", generation)
                            .bind("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).execute();
                    LOG.info("adopted controller {} at {}", id, fleet.address(id).orElseThrow());
                }
            }
            for (ControllerView known : ControllerQueries.list(handle)) {
                if (!fleet.contains(known.id())) {
                    LOG.warn("controller {} is in the store but not in this manager's fleet; hosts are still given "
                            + "its address {}", known.id(), known.address());
                }
            }
            return null;
        });
    }

    /** The views of {@code show control-cluster}, as the node prints them. */
    public static final java.util.Set<String> VIEWS = java.util.Set.of("status", "roles", "startup-nodes");

    public ControllerCliView show(ControllerId id, String view) {
        if (!VIEWS.contains(view)) {
            throw ApiException.invalid("view", "view must be one of " + new java.util.TreeSet<>(VIEWS) + ", not '" + view + "'");
        }
        get(id);
        String text = fleet.show(id, view).orElseThrow(() -> ApiException.unavailable(id + " is not running, or runs "
                + "where this manager cannot ask it"));
        return new ControllerCliView(id.value(), view, text);
    }

    /** Crashes a node and its peer (lab mode): the rest of the cluster carries on if it keeps a majority. */
    public ControllerView stop(ControllerId id) {
        get(id);
        if (fleet.runtime(id).map(runtime -> !runtime.up()).orElse(false)) {
            throw ApiException.conflict("id", id + " is already stopped");
        }
        try {
            fleet.stop(id);
        } catch (UnsupportedOperationException e) {
            throw ApiException.conflict("id", e.getMessage());
        } catch (Exception e) {
            throw new IllegalStateException("stopping " + id + " failed", e);
        }
        LOG.info("{} stopped by the operator (its node and ZooKeeper peer crashed)", id);
        return get(id);
    }

    /** Starts a stopped node again; it rejoins the ensemble and the cluster rebalances. */
    public ControllerView start(ControllerId id) {
        get(id);
        if (fleet.runtime(id).map(ControllerRuntime::up).orElse(false)) {
            throw ApiException.conflict("id", id + " is running");
        }
        try {
            fleet.restart(id);
        } catch (UnsupportedOperationException e) {
            throw ApiException.conflict("id", e.getMessage());
        } catch (Exception e) {
            throw ApiException.unavailable(id + " did not start: " + e.getMessage());
        }
        LOG.info("{} started again by the operator", id);
        return get(id);
    }

    public List<ControllerView> list() {
        return store.read(ControllerQueries::list).stream().map(this::withRuntime).toList();
    }

    public ControllerView get(ControllerId id) {
        return store.read(handle -> ControllerQueries.find(handle, id)).map(this::withRuntime)
                .orElseThrow(() -> ApiException.notFound("id", "controller", id));
    }

    /** The addresses host agents are given: every running controller's. */
    public List<String> hostAddresses() {
        return store.read(ControllerQueries::list).stream()
                .filter(c -> c.address() != null && !c.status().equals("DEPLOYING")).map(ControllerView::address)
                .toList();
    }

    private ControllerView withRuntime(ControllerView view) {
        return new ControllerView(view.id(), view.name(), view.address(), view.status(), view.createdAt(),
                view.generation(), fleet.runtime(view.id()).orElse(null));
    }

    private List<JobStep> deploySteps() {
        return List.of(
                SimpleStep.of("receive the call", context -> "received", context -> {
                    store.write((handle, generation) -> handle.createUpdate("DELETE FROM controller WHERE id = :id")
                            .bind("id", context.subjectId()).execute());
                    return "controller " + context.subjectId() + " deleted";
                }),
                SimpleStep.of("start the controller node and its ZooKeeper peer", context -> {
                    ControllerId id = ControllerId.of(context.subjectId());
                    boolean first = fleet.addresses().isEmpty();
                    String address = fleet.contains(id) ? fleet.address(id).orElseThrow() : fleet.deploy(id);
                    store.write((handle, generation) -> handle.createUpdate(
                                    "UPDATE controller SET address = :address, generation = :g WHERE id = :id")
                            .bind("address", address).bind("g", generation).bind("id", id.value()).execute());
                    return id + " runs; hosts reach it at " + address + (first
                            ? "; the first controller: its peer starts alone as the majority and it is master of every role"
                            : "; its peer joined the ensemble by reconfiguration");
                }, context -> {
                    ControllerId id = ControllerId.of(context.subjectId());
                    if (!fleet.contains(id)) {
                        return null;
                    }
                    fleet.remove(id, true);
                    return id + " stopped and removed from the ensemble";
                }),
                SimpleStep.of("join the cluster and elect role masters", context -> {
                    ControllerId id = ControllerId.of(context.subjectId());
                    Waits.until(context, settleTimeout, id + " to join the cluster's majority and every role to have a master",
                            () -> settled(id), () -> settleProgress(id));
                    store.write((handle, generation) -> handle.createUpdate(
                                    "UPDATE controller SET status = 'RUNNING', generation = :g WHERE id = :id")
                            .bind("g", generation).bind("id", id.value()).execute());
                    controllersChanged.run();
                    ControllerRuntime runtime = fleet.runtime(id).orElseThrow();
                    return runtime.joinStatus() + ", " + runtime.majorityStatus().toLowerCase() + "; "
                            + runtime.restartStatus();
                }));
    }

    private List<JobStep> removeSteps() {
        return List.of(
                SimpleStep.of("receive the call", context -> "received", context -> {
                    store.write((handle, generation) -> handle.createUpdate(
                                    "UPDATE controller SET status = 'RUNNING', generation = :g WHERE id = :id")
                            .bind("g", generation).bind("id", context.subjectId()).execute());
                    return "controller " + context.subjectId() + " kept";
                }),
                SimpleStep.of("leave the cluster and stop the node", context -> {
                    ControllerId id = ControllerId.of(context.subjectId());
                    if (!fleet.contains(id)) {
                        return id + " was not running";
                    }
                    boolean last = fleet.addresses().size() == 1;
                    fleet.remove(id, last);
                    return id + " left the ensemble and stopped; its slices moved to the others";
                }),
                SimpleStep.of("delete the controller", context -> {
                    store.write((handle, generation) -> handle.createUpdate("DELETE FROM controller WHERE id = :id")
                            .bind("id", context.subjectId()).execute());
                    controllersChanged.run();
                    return "deleted; hosts get the new controller list";
                }));
    }

    private boolean settled(ControllerId id) {
        Optional<ControllerRuntime> self = fleet.runtime(id);
        if (self.isEmpty() || !self.get().up() || !ClusterStatus.JOIN_COMPLETE.equals(self.get().joinStatus())
                || !ClusterStatus.MAJORITY_CONNECTED.equals(self.get().majorityStatus())) {
            return false;
        }
        return mastered().size() == Role.values().length;
    }

    private String settleProgress(ControllerId id) {
        Optional<ControllerRuntime> self = fleet.runtime(id);
        String state = self.map(r -> r.up() ? r.joinStatus() + ", " + r.majorityStatus() : "not running").orElse("not running");
        return id + ": " + state + "; roles with a master: " + mastered().size() + " of " + Role.values().length;
    }

    private java.util.Set<String> mastered() {
        java.util.Set<String> roles = new java.util.TreeSet<>();
        store.read(ControllerQueries::list).forEach(c -> fleet.runtime(c.id()).ifPresent(r -> roles.addAll(r.masterOf())));
        return roles;
    }

    static Optional<ControllerView> find(Handle handle, ControllerId id) {
        return ControllerQueries.find(handle, id);
    }
}
