package org.netweave.controller.owner;

import java.io.Closeable;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import org.netweave.controller.cluster.AssignmentCodec;
import org.netweave.controller.cluster.AssignmentWatcher.VersionedAssignment;
import org.netweave.controller.cluster.ClusterCoordinator;
import org.netweave.controller.cluster.CoordinatorListener;
import org.netweave.controller.runtime.ClaimRefusal;
import org.netweave.controller.runtime.ConnectionId;
import org.netweave.controller.runtime.DlrRuntime;
import org.netweave.controller.runtime.RuntimeTables;
import org.netweave.controller.runtime.RuntimeTablesSnapshot;
import org.netweave.controller.slice.Role;
import org.netweave.controller.slice.SliceAssignment;
import org.netweave.controller.slice.SliceSpace;
import org.netweave.model.ControllerId;
import org.netweave.model.DlrId;
import org.netweave.model.Vni;
import org.netweave.pki.ComponentIdentity;
import org.netweave.pki.PeerIdentity;
import org.netweave.proto.controller.v1.AssignmentUpdate;
import org.netweave.proto.controller.v1.ControllerMessage;
import org.netweave.proto.controller.v1.ControllerNode;
import org.netweave.proto.controller.v1.DlrRecord;
import org.netweave.proto.controller.v1.HostMessage;
import org.netweave.proto.controller.v1.LogicalSwitchRecord;
import org.netweave.proto.controller.v1.ObjectRef;
import org.netweave.proto.controller.v1.Redirect;
import org.netweave.proto.controller.v1.Refused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owner side of a controller node: which slices it acts for, the runtime tables of the
 * objects in them, and the host streams. Everything runs on one owner thread, so the runtime
 * tables (single-threaded by contract) and the gRPC observers need no locks.
 *
 * <p>Fencing has two layers. Persistent writes go through {@link ObjectStore}, whose transaction
 * checks the assignment's znode version. Requests carry the epoch their sender routed by; a
 * request older than the epoch at which this node began to own the slice ("owner since") is
 * refused, because its sender may have sent the same thing to the previous owner. Requests
 * routed by an older epoch under which this node already owned the slice are fine: nothing
 * moved for them, and refusing them would make every unrelated rebalance bounce every host.
 */
public final class OwnerService implements CoordinatorListener, Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(OwnerService.class);
    static final List<Role> SHARDING_ROLES = List.of(Role.SWITCH_MANAGER, Role.LOGICAL_MANAGER);

    final ControllerId node;
    final ObjectStore store;
    final SliceSpace space;
    final RuntimeTables tables;
    private final ScheduledThreadPoolExecutor loop;
    private final Map<Role, Acting> acting = new EnumMap<>(Role.class);
    private final Map<Role, SliceAssignment> latest = new EnumMap<>(Role.class);
    final Map<ConnectionId, HostStream> streams = new HashMap<>();
    private volatile Predicate<BigInteger> revoked = serial -> false;
    private final AtomicInteger nextConnection = new AtomicInteger(1);
    private final List<OwnershipEvent> events = Collections.synchronizedList(new ArrayList<>());
    final ClaimAdmission claims;
    private final HostRequests hostRequests;
    private final ManagerWrites managerWrites;
    private ClusterCoordinator coordinator;
    private volatile boolean majority;

    /**
     * The slices this node is assigned under one role, since which epoch it has held each, and
     * which of them still wait for their handover (see {@link org.netweave.controller.cluster.HandoverBarrier}).
     */
    record Acting(SliceAssignment assignment, int zkVersion, long[] ownerSince, boolean[] pending) {
        boolean assigned(int slice) {
            return ownerSince[slice] >= 0;
        }

        /** Acting for the slice: assigned and handed over. */
        boolean owns(int slice) {
            return ownerSince[slice] >= 0 && !pending[slice];
        }

        boolean anyPending() {
            for (boolean waiting : pending) {
                if (waiting) {
                    return true;
                }
            }
            return false;
        }
    }

    public OwnerService(ControllerId node, ObjectStore store, SliceSpace space, Duration claimGrace) {
        this.node = node;
        this.claims = new ClaimAdmission(this, claimGrace);
        this.store = store;
        this.space = space;
        this.tables = new RuntimeTables(node);
        this.loop = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name(node + "-owner").factory());
        // A node that shuts down drops what it meant to do later (see later()).
        loop.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        for (Role role : Role.values()) {
            latest.put(role, SliceAssignment.none(role));
        }
        this.hostRequests = new HostRequests(this);
        this.managerWrites = new ManagerWrites(this);
    }

    public void attach(ClusterCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    public HostRequests hostRequests() {
        return hostRequests;
    }

    /** The controller node this owner acts for. */
    public ControllerId node() {
        return node;
    }

    public ManagerWrites managerWrites() {
        return managerWrites;
    }

    // ---- coordination events (arrive on the coordination thread, handled on the owner thread) ----

    @Override
    public void assignmentChanged(SliceAssignment assignment) {
        execute(() -> reassess(assignment.role()));
    }

    @Override
    public void majorityChanged(boolean connected) {
        execute(() -> {
            majority = connected;
            long now = System.nanoTime();
            for (Role role : SHARDING_ROLES) {
                Acting current = acting.get(role);
                if (current == null) {
                    continue;
                }
                // Paused or resumed in the same session: the same slices, so the history shows
                // a stop and a restart of acting for each.
                for (int slice = 0; slice < space.size(); slice++) {
                    if (current.owns(slice)) {
                        events.add(new OwnershipEvent(node, role, slice, current.assignment().epoch(), connected, now));
                    }
                }
            }
            if (connected) {
                LOG.info("{}: connected to the cluster majority again; acting resumes", node);
                for (Role role : Role.values()) {
                    reassess(role);
                }
            } else {
                LOG.warn("{}: lost contact with the cluster majority; refusing requests until it is back", node);
            }
        });
    }

    @Override
    public void sessionLost() {
        execute(() -> {
            majority = false;
            LOG.warn("{}: ZooKeeper session lost: read-only, dropping {} host sessions and the runtime tables",
                    node, streams.size());
            SHARDING_ROLES.forEach(this::releaseAll);
            for (HostStream stream : List.copyOf(streams.values())) {
                stream.fail(Status.UNAVAILABLE.withDescription(node + " lost the cluster majority and is read-only"));
            }
            streams.clear();
        });
    }

    /** Re-evaluates what this node acts for under {@code role}'s newest assignment; owner thread. */
    void reassess(Role role) {
        VersionedAssignment versioned = coordinator.assignment(role);
        SliceAssignment assignment = versioned.assignment();
        boolean newer = assignment.epoch() > latest.get(role).epoch();
        if (newer) {
            latest.put(role, assignment);
        }
        if (SHARDING_ROLES.contains(role)) {
            if (majority && coordinator.mayAct(assignment)) {
                act(role, versioned);
            } else {
                releaseAll(role);
            }
        }
        if (newer) {
            ControllerMessage update = ControllerMessage.newBuilder()
                    .setAssignmentUpdate(AssignmentUpdate.newBuilder().setAssignment(AssignmentCodec.toProto(assignment)))
                    .build();
            streams.values().forEach(stream -> stream.send(update));
        }
    }

    private void act(Role role, VersionedAssignment versioned) {
        SliceAssignment assignment = versioned.assignment();
        Acting previous = acting.get(role);
        if (previous != null && previous.assignment().epoch() == assignment.epoch()) {
            if (previous.zkVersion() != versioned.zkVersion()) {
                acting.put(role, new Acting(assignment, versioned.zkVersion(), previous.ownerSince(), previous.pending()));
            }
            completeHandover(role);
            return;
        }
        long[] since = new long[space.size()];
        boolean[] pending = new boolean[space.size()];
        Arrays.fill(since, -1);
        // A slice counts as kept only across consecutive epochs: with an epoch skipped (the node
        // was paused, or read the newest directly) the slice may have been someone else's in
        // between, so it goes through the handover barrier like a gained one.
        boolean consecutive = previous != null && assignment.epoch() == previous.assignment().epoch() + 1;
        for (int slice : assignment.slicesOf(node)) {
            boolean kept = consecutive && previous.assigned(slice);
            since[slice] = kept ? previous.ownerSince()[slice] : assignment.epoch();
            pending[slice] = !kept || previous.pending()[slice];
            if (!kept && previous != null && previous.owns(slice)) {
                events.add(new OwnershipEvent(node, role, slice, assignment.epoch(), false, System.nanoTime()));
            }
        }
        Acting next = new Acting(assignment, versioned.zkVersion(), since, pending);
        long now = System.nanoTime();
        for (int slice = 0; slice < space.size(); slice++) {
            if (previous != null && previous.owns(slice) && !next.assigned(slice)) {
                events.add(new OwnershipEvent(node, role, slice, assignment.epoch(), false, now));
            }
        }
        drop(role, next);
        acting.put(role, next);
        try {
            coordinator.barrier().publish(role, assignment.epoch());
        } catch (Exception e) {
            LOG.warn("{}: could not publish that it applied {} epoch {}: {}", node, role.cliName(), assignment.epoch(), e.toString());
            releaseAll(role);
            return;
        }
        completeHandover(role);
        LOG.info("{}: assigned {} {} slices at epoch {}", node, assignment.slicesOf(node).size(), role.cliName(),
                assignment.epoch());
    }

    /**
     * Starts acting for gained slices once every other node has applied the epoch that moved them,
     * so the previous owner has let go of them first.
     */
    private void completeHandover(Role role) {
        Acting current = acting.get(role);
        if (current == null || !current.anyPending() || !majority) {
            return;
        }
        long epoch = current.assignment().epoch();
        List<Integer> ready = new ArrayList<>();
        try {
            if (!coordinator.barrier().othersCaughtUp(role, epoch)) {
                return;
            }
            for (int slice = 0; slice < space.size(); slice++) {
                if (current.pending()[slice]) {
                    ready.add(slice);
                }
            }
            load(role, ready);
        } catch (Exception e) {
            // The slices stay pending; the next barrier or connection event tries again.
            LOG.warn("{}: could not take over {} {} slices yet: {}", node, ready.size(), role.cliName(), e.toString());
            tables.dropObjects(vni -> role == Role.SWITCH_MANAGER && current.pending()[space.sliceOf(vni)],
                    dlr -> role == Role.LOGICAL_MANAGER && current.pending()[space.sliceOf(dlr)]);
            return;
        }
        long now = System.nanoTime();
        for (int slice : ready) {
            current.pending()[slice] = false;
            events.add(new OwnershipEvent(node, role, slice, epoch, true, now));
        }
        LOG.atInfo().setMessage("{}: took over {} {} slices at epoch {}").addArgument(node).addArgument(ready.size())
                .addArgument(role.cliName()).addArgument(epoch).addKeyValue("event", "slices-taken-over")
                .addKeyValue("controller", node.value()).addKeyValue("role", role.cliName()).addKeyValue("epoch", epoch)
                .addKeyValue("slices", ready.size()).log();
    }

    @Override
    public void handoverProgressed() {
        execute(() -> SHARDING_ROLES.forEach(this::completeHandover));
    }

    private void releaseAll(Role role) {
        Acting previous = acting.remove(role);
        if (previous != null) {
            long now = System.nanoTime();
            for (int slice = 0; slice < space.size(); slice++) {
                if (previous.owns(slice)) {
                    events.add(new OwnershipEvent(node, role, slice, previous.assignment().epoch(), false, now));
                }
            }
            drop(role, null);
            LOG.info("{}: stopped acting for {}", node, role.cliName());
        }
        // Published even when nothing was acting: others wait for every node's applied epoch.
        if (majority) {
            try {
                coordinator.barrier().publish(role, latest.get(role).epoch());
            } catch (Exception e) {
                // Without ZooKeeper the acting znode goes with the session; successors wait for that.
                LOG.debug("{}: could not publish the release of {}: {}", node, role.cliName(), e.toString());
            }
        }
    }

    /** Lets go of the objects of slices that {@code next} does not own (all of the role's when null). */
    private void drop(Role role, Acting next) {
        var dropped = role == Role.SWITCH_MANAGER
                ? tables.dropObjects(vni -> next == null || !next.owns(space.sliceOf(vni)), dlr -> false)
                : tables.dropObjects(vni -> false, dlr -> next == null || !next.owns(space.sliceOf(dlr)));
        forgetJoins(role, dropped.logicalSwitches(), dropped.dlrs());
    }

    /**
     * Hosts joined to objects this node let go of must place them again (at the new owner, or
     * here once the node acts again); a refusal makes a host re-place everything it had on this
     * stream, which is idempotent.
     */
    private void forgetJoins(Role role, List<Vni> switches, List<DlrId> dlrs) {
        for (HostStream stream : streams.values()) {
            boolean affected = stream.forgetVnis(switches) | stream.dlrs.removeAll(dlrs);
            if (affected) {
                stream.send(refused(Refused.Reason.NOT_ASSIGNED, node + " no longer acts for some of this host's objects", role));
            }
        }
    }

    private void load(Role role, List<Integer> gained) throws Exception {
        if (gained.isEmpty()) {
            return;
        }
        boolean[] isGained = new boolean[space.size()];
        gained.forEach(slice -> isGained[slice] = true);
        if (role == Role.SWITCH_MANAGER) {
            for (LogicalSwitchRecord record : store.switches(vni -> isGained[space.sliceOf(vni)])) {
                tables.putLogicalSwitch(WireTranslation.settings(record)).place(WireTranslation.placement(record.getPlacement()));
            }
        } else {
            for (DlrRecord record : store.dlrs(dlr -> isGained[space.sliceOf(dlr)])) {
                ManagerWrites.restore(tables, record);
            }
        }
    }

    // ---- routing checks shared by host requests and manager writes ----

    /** Null when this node may serve a request for {@code slice} routed by {@code epoch}; else why not. */
    ControllerMessage notServing(Role role, int slice, long epoch, ObjectRef object) {
        // The coordinator's flag flips on the Curator thread at once; ours only when the owner
        // thread gets to the event, which a blocked ZooKeeper call can delay.
        if (!majority || !coordinator.hasMajority()) {
            return refused(Refused.Reason.NO_MAJORITY, node + " has lost the cluster majority and is read-only", role);
        }
        Acting current = acting.get(role);
        if (current == null || !current.owns(slice)) {
            SliceAssignment assignment = latest.get(role);
            var owner = assignment.ownerOf(slice);
            if (owner.isPresent() && !owner.get().equals(node)) {
                return ControllerMessage.newBuilder().setRedirect(Redirect.newBuilder()
                        .setObject(object)
                        .setOwner(ControllerNode.newBuilder().setNodeId(owner.get().value())
                                .setAddress(assignment.addressOf(owner.get()).orElse("")))
                        .setAssignment(AssignmentCodec.toProto(assignment))).build();
            }
            return refused(Refused.Reason.NOT_ASSIGNED, "slice " + slice + " of " + role.cliName()
                    + " has no acting owner at epoch " + assignment.epoch(), role);
        }
        if (epoch < current.ownerSince()[slice]) {
            return refused(Refused.Reason.STALE_EPOCH, "epoch " + epoch + " is older than epoch "
                    + current.ownerSince()[slice] + " at which " + node + " became owner", role);
        }
        return null;
    }

    ControllerMessage refused(Refused.Reason reason, String detail, Role role) {
        return ControllerMessage.newBuilder().setRefused(Refused.newBuilder().setReason(reason).setDetail(detail)
                .setAssignment(AssignmentCodec.toProto(latest.get(role)))).build();
    }

    Acting acting(Role role) {
        return acting.get(role);
    }

    long epoch(Role role) {
        Acting current = acting.get(role);
        return current == null ? latest.get(role).epoch() : current.assignment().epoch();
    }

    List<org.netweave.proto.controller.v1.SliceAssignment> assignments() {
        List<org.netweave.proto.controller.v1.SliceAssignment> all = new ArrayList<>();
        latest.values().forEach(assignment -> all.add(AssignmentCodec.toProto(assignment)));
        return all;
    }

    /** The newest assignment of every role this node has seen, for GetAssignments. */
    public CompletableFuture<org.netweave.proto.controller.v1.Assignments> currentAssignments() {
        return submit(() -> org.netweave.proto.controller.v1.Assignments.newBuilder().addAllAssignments(assignments()).build());
    }

    /** A fenced write failed or the store is unreachable: drop our copy and re-read what we own. */
    void lostFence(Role role, Object object) {
        LOG.warn("{}: a write to {} lost its fence; re-reading the {} assignment", node, object, role.cliName());
        var dropped = object instanceof Vni vni
                ? tables.dropObjects(v -> v.equals(vni), d -> false)
                : tables.dropObjects(v -> false, d -> d.equals(object));
        forgetJoins(role, dropped.logicalSwitches(), dropped.dlrs());
        // Re-read: a new epoch goes through act(); the same epoch under a new version only
        // refreshes the fence; either way the dropped object is loaded again if still ours.
        Acting current = acting.get(role);
        if (current != null) {
            int slice = object instanceof Vni vni ? space.sliceOf(vni) : space.sliceOf((DlrId) object);
            current.pending()[slice] = current.assigned(slice);
        }
        try {
            coordinator.refresh();
        } catch (Exception e) {
            LOG.warn("{}: could not re-read the assignments: {}", node, e.toString());
        }
        reassess(role);
        completeHandover(role);
    }

    // ---- host streams ----

    /** Opens a host's stream; refused at once while the node has no majority. */
    /**
     * A certificate was revoked: the host streams opened with it end now, their claims withdrawn,
     * rather than at their next handshake (streams live for days).
     */
    /** Tells the owner which certificates are revoked now; set before hosts connect. */
    public void revokedBy(Predicate<BigInteger> revoked) {
        this.revoked = revoked;
    }

    public void certificateRevoked(BigInteger serial) {
        execute(() -> {
            for (HostStream stream : List.copyOf(streams.values())) {
                if (stream.peerSerial.equals(Optional.of(serial))) {
                    String host = stream.peer.map(ComponentIdentity::name).orElse("?");
                    LOG.atWarn().setMessage("{}: the certificate of host {} was revoked; its stream is closed")
                            .addArgument(node).addArgument(host).addKeyValue("event", "revoked-peer-disconnected")
                            .addKeyValue("controller", node.value()).addKeyValue("host", host)
                            .addKeyValue("serial", serial.toString(16)).log();
                    hostRequests.ended(stream);
                    stream.fail(Status.UNAUTHENTICATED.withDescription("the certificate of host " + host + " was revoked"));
                }
            }
        });
    }

    public StreamObserver<HostMessage> openHostStream(StreamObserver<ControllerMessage> out) {
        ConnectionId id = ConnectionId.of(nextConnection.getAndIncrement());
        // The peer's identity is read here, on the call's thread, where its context is.
        HostStream stream = new HostStream(id, out, PeerIdentity.current(), PeerIdentity.currentSerial());
        execute(() -> {
            if (!majority) {
                stream.fail(Status.UNAVAILABLE.withDescription(node + " has no cluster majority; try another controller"));
            } else if (stream.peerSerial.filter(revoked).isPresent()) {
                // Revoked after the call's own check and before this task: the sweep ran without it.
                stream.fail(Status.UNAUTHENTICATED.withDescription("the peer's certificate was revoked"));
            } else {
                streams.put(id, stream);
            }
        });
        return new StreamObserver<>() {
            @Override
            public void onNext(HostMessage message) {
                execute(() -> {
                    if (streams.get(id) == stream) {
                        hostRequests.handle(stream, message);
                    }
                });
            }

            @Override
            public void onError(Throwable t) {
                execute(() -> hostRequests.ended(stream));
            }

            @Override
            public void onCompleted() {
                execute(() -> {
                    hostRequests.ended(stream);
                    stream.complete();
                });
            }
        };
    }

    void pushDlrState(DlrRuntime dlr) {
        ControllerMessage state = ControllerMessage.newBuilder()
                .setDlrState(WireTranslation.toWire(dlr.state(), epoch(Role.LOGICAL_MANAGER))).build();
        dlr.joinedConnections().forEach(connection -> {
            HostStream stream = streams.get(connection.id());
            if (stream != null) {
                stream.send(state);
            }
        });
    }

    // ---- views for tests and the CLI ----

    /** The runtime tables as they are now, read on the owner thread. */
    public RuntimeTablesSnapshot snapshot() {
        return call(tables::snapshot);
    }

    /** Whether this node acts for every slice it is assigned, with no handover still pending. */
    public boolean actingForAllAssigned() {
        return call(() -> majority && SHARDING_ROLES.stream().allMatch(role -> acting.get(role) != null
                && !acting.get(role).anyPending()));
    }

    public int hostSessions() {
        return call(streams::size);
    }

    /** Parts of host claims refused right now (held in case a placement allows them), over all streams. */
    public int heldClaims() {
        return call(() -> streams.values().stream().mapToInt(stream -> stream.refused.values().stream()
                .mapToInt(Map::size).sum()).sum());
    }

    /** How many host claims each reason refused since this node started. */
    public Map<ClaimRefusal, Long> refusedClaims() {
        return call(claims::refusals);
    }

    public List<OwnershipEvent> ownershipEvents() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    <T> CompletableFuture<T> submit(Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            loop.execute(() -> {
                try {
                    result.complete(task.call());
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new IllegalStateException(node + " is shut down", e));
        }
        return result;
    }

    private <T> T call(Callable<T> task) {
        try {
            return submit(task).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(node + ": owner thread did not answer", e);
        }
    }

    void execute(Runnable task) {
        try {
            loop.execute(logFailure(task));
        } catch (RejectedExecutionException e) {
            LOG.debug("{}: owner thread is shut down; dropping a task", node);
        }
    }

    /** A task that fails is logged; the owner thread goes on with the next one. */
    private Runnable logFailure(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("{}: owner task failed", node, e);
            }
        };
    }

    /** Runs {@code task} on the owner thread after {@code delay}, unless the node has shut down by then. */
    void later(Duration delay, Runnable task) {
        try {
            loop.schedule(logFailure(task), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("{}: owner thread is shut down; dropping a task", node);
        }
    }

    @Override
    public void close() {
        execute(() -> {
            streams.values().forEach(stream -> stream.fail(Status.UNAVAILABLE.withDescription(node + " is shutting down")));
            streams.clear();
        });
        loop.shutdown();
        try {
            loop.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
