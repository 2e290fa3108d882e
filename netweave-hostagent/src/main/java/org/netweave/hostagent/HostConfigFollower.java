package org.netweave.hostagent;

import java.io.Closeable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import org.netweave.controller.client.ControllerChannels;
import org.netweave.controller.client.HostSession;
import org.netweave.controller.slice.SliceSpace;
import org.netweave.dataplane.DatapathWaitingException;
import org.netweave.model.ControllerId;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.InvalidValueException;
import org.netweave.proto.controller.v1.DlrState;
import org.netweave.proto.manager.v1.HostConfig;
import org.netweave.proto.manager.v1.HostConfigChannelGrpc;
import org.netweave.proto.manager.v1.HostHello;
import org.netweave.proto.manager.v1.HostRealized;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the manager's configuration of one host (NSX-V's netcpa on the message bus): it keeps
 * the {@code HostConfigChannel} stream open, turns each configuration into the steps from what is
 * installed ({@link HostDiff}), carries them out on the host's controller session (open, replace
 * or close it, join and leave DLRs), and reports back the generation it applied and, for every
 * DLR, the controller node it is joined at and the LIFs and routes that controller sent.
 *
 * <p>When the manager's stream fails the host keeps everything it applied (headless: the
 * controllers keep serving it) and resubscribes with backoff, naming the generation it holds.
 *
 * <p>All state lives on one follower thread; gRPC callbacks hop onto it. The caller owns the
 * manager channel (and should give it keepalives, since a silently dead manager is noticed only
 * through them); the follower owns the session it opens.
 */
public final class HostConfigFollower implements Closeable {
    /** The lifecycle: started once, closed once. */
    public enum State { LATENT, STARTED, CLOSED }

    private static final Logger LOG = LoggerFactory.getLogger(HostConfigFollower.class);
    /**
     * HostSession has no listener for DlrState changes, so the follower looks at its states this
     * often and reports only when the report changed. Copying a map of a few DLRs every 150 ms is
     * negligible, and the manager sees LIFs and routes within that long of their arrival.
     */
    private static final Duration REPORT_CHECK = Duration.ofMillis(150);
    private static final long REPORT_TIMEOUT_MS = 5_000;
    private static final Backoff RESUBSCRIBE = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));

    private final HostId host;
    private final Channel manager;
    private final HostSessionFactory sessions;
    private final HostRealizer realizer;
    private final AtomicReference<State> state = new AtomicReference<>(State.LATENT);
    private final ScheduledThreadPoolExecutor thread;
    private volatile HostAgentView view;

    // Owned by the follower thread.
    private HostSession session;
    private InstalledState installed = InstalledState.EMPTY;
    private Optional<HostDesiredState> applied = Optional.empty();
    /** The newest configuration carried out on the session; applied once the realizer took it. */
    private Optional<HostDesiredState> latest = Optional.empty();
    private boolean resyncPending = true;
    private boolean controlPlaneInSync;
    /** The last realizer failure logged, so a failure repeated at every check is logged once. */
    private String lastFailure;
    private SortedMap<DlrId, DlrRealization> realized = new TreeMap<>();
    private Subscription subscription;
    private boolean connected;
    private int failures;
    private HostRealized lastReported;

    /** A follower that opens its controller sessions through {@code sessions}. */
    public HostConfigFollower(HostId host, Channel manager, HostSessionFactory sessions) {
        this(host, manager, sessions, HostRealizer.SESSION_ONLY);
    }

    /**
     * A follower that opens its controller sessions through {@code sessions} and hands every
     * configuration to {@code realizer} (the datapath reconciler) before reporting it applied.
     */
    public HostConfigFollower(HostId host, Channel manager, HostSessionFactory sessions, HostRealizer realizer) {
        this.host = host;
        this.manager = manager;
        this.sessions = sessions;
        this.realizer = realizer;
        this.view = HostAgentView.initial(host);
        this.thread = new ScheduledThreadPoolExecutor(1, Thread.ofVirtual().name(host + "-config").factory());
        // A pending resubscribe must not hold up close().
        this.thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** A follower whose sessions go over {@code channels}. */
    public HostConfigFollower(HostId host, Channel manager, ControllerChannels channels, SliceSpace space) {
        this(host, manager, HostSessionFactory.over(channels, space));
    }

    /** Subscribes to the manager. Once only. */
    public void start() {
        if (!state.compareAndSet(State.LATENT, State.STARTED)) {
            throw new IllegalStateException(host + ": the config follower cannot start when " + state.get());
        }
        thread.execute(guarded(this::subscribe));
        thread.scheduleWithFixedDelay(guarded(this::reportIfChanged), REPORT_CHECK.toMillis(), REPORT_CHECK.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    public State state() {
        return state.get();
    }

    /** What the follower has done, as of its last step; safe from any thread. */
    public HostAgentView view() {
        return view;
    }

    // ---- the configuration stream ----

    private void subscribe() {
        if (state.get() != State.STARTED) {
            return;
        }
        subscription = new Subscription();
        HostHello hello = HostHello.newBuilder().setHostId(host.value()).setAppliedGeneration(appliedGeneration()).build();
        HostConfigChannelGrpc.newStub(manager).subscribe(hello, subscription);
    }

    private void received(HostConfig config) {
        if (!connected) {
            connected = true;
            failures = 0;
            // What happened on the host while the manager was away is set right by a full resync.
            resyncPending = true;
            LOG.info("{}: subscribed to the manager's host configuration", host);
        }
        apply(config);
    }

    private void lost(Throwable cause) {
        subscription = null;
        failures++;
        Duration wait = RESUBSCRIBE.after(failures, ThreadLocalRandom.current().nextDouble());
        String why = cause == null ? "the manager ended it" : cause.getMessage();
        if (connected) {
            connected = false;
            LOG.info("{}: lost the manager's configuration stream ({}); keeping generation {} applied, resubscribing",
                    host, why, appliedGeneration());
            publishView();
        } else {
            LOG.debug("{}: subscribing failed ({}); next attempt in {} ms", host, why, wait.toMillis());
        }
        thread.schedule(guarded(this::subscribe), wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    // ---- applying a configuration ----

    private void apply(HostConfig config) {
        HostDesiredState desired;
        try {
            desired = HostDesiredState.from(config);
        } catch (InvalidValueException e) {
            LOG.warn("{}: refusing configuration generation {}: {}", host, config.getGeneration(), e.getMessage());
            return;
        }
        if (!desired.host().equals(host)) {
            LOG.warn("{}: ignoring configuration generation {} addressed to {}", host, desired.generation(), desired.host());
            return;
        }
        HostDiff diff = HostDiff.between(installed, desired);
        carryOut(diff);
        if (diff.session() != HostDiff.SessionAction.KEEP) {
            resyncPending = true;
        }
        latest = Optional.of(desired);
        LOG.info("{}: generation {} carried out on the controller session{}", host, desired.generation(), describe(diff));
        reportIfChanged();
    }

    /**
     * Hands the newest configuration to the realizer; once it has taken it, that generation is
     * the applied one. A failure leaves the previous generation applied and is tried again, whole,
     * at the next check.
     */
    private void realizeLatest() {
        if (latest.isEmpty()) {
            return;
        }
        HostDesiredState desired = latest.get();
        try {
            controlPlaneInSync = realizer.realize(desired, Optional.ofNullable(session), resyncPending);
            resyncPending = false;
        } catch (RuntimeException e) {
            resyncPending = true;
            String failure = desired.generation() + " " + e;
            if (!failure.equals(lastFailure)) {
                lastFailure = failure;
                if (e instanceof DatapathWaitingException) {
                    LOG.info("{}: generation {} is realised but for what waits, tried again at every check: {}", host,
                            desired.generation(), e.getMessage());
                } else {
                    LOG.warn("{}: realising generation {} failed, retrying at every check: {}", host, desired.generation(),
                            e.toString());
                }
            }
            return;
        }
        lastFailure = null;
        if (applied.isEmpty() || applied.get() != desired) {
            applied = latest;
            LOG.info("{}: generation {} applied", host, desired.generation());
            // The manager hears of every applied generation, even one that changed nothing here.
            lastReported = null;
        }
    }

    private void carryOut(HostDiff diff) {
        switch (diff.session()) {
            case OPEN, REPLACE -> {
                closeSession();
                SessionTarget target = diff.target().orElseThrow();
                session = sessions.open(host, target);
                session.start();
                LOG.info("{}: controller session from VTEP {} to {}", host, target.vtep(), target.controllers());
            }
            case CLOSE -> {
                closeSession();
                LOG.info("{}: controller session closed: the configuration has no VTEP or no controllers", host);
            }
            case KEEP -> {
            }
        }
        // Leaves come only with a kept session: a new one holds nothing, and the owners drop a closed one's joins
        // when its streams end.
        for (DlrId dlr : diff.leave()) {
            session.leaveDlr(dlr);
        }
        for (DlrId dlr : diff.join()) {
            session.joinDlr(dlr);
        }
        installed = diff.carriedOut(installed);
    }

    private void closeSession() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    private static String describe(HostDiff diff) {
        if (diff.isEmpty()) {
            return ": nothing to change";
        }
        List<String> steps = new ArrayList<>();
        switch (diff.session()) {
            case KEEP -> {
            }
            case OPEN -> steps.add("session opened");
            case REPLACE -> steps.add("session replaced");
            case CLOSE -> steps.add("session closed");
        }
        if (!diff.leave().isEmpty()) {
            steps.add("left " + diff.leave());
        }
        if (!diff.join().isEmpty()) {
            steps.add("joined " + diff.join());
        }
        return ": " + String.join("; ", steps);
    }

    // ---- reporting ----

    private void reportIfChanged() {
        if (state.get() != State.STARTED) {
            return;
        }
        realizeLatest();
        if (applied.isEmpty()) {
            publishView();
            return;
        }
        // Two snapshots taken one after the other; a DLR moving between them is set right by the next check.
        Map<DlrId, DlrState> states = session == null ? Map.of() : session.dlrStates();
        Map<DlrId, ControllerId> joinedAt = session == null ? Map.of() : session.dlrControllers();
        SortedMap<DlrId, DlrRealization> now = DlrRealization.of(applied.get().dlrs(), states, joinedAt);
        logConnections(realized, now);
        realized = now;
        publishView();
        if (!connected) {
            return;
        }
        HostRealized report = HostRealized.newBuilder().setHostId(host.value())
                .setAppliedGeneration(applied.get().generation())
                .addAllDlrConnections(now.values().stream().map(DlrRealization::toProto).toList()).build();
        if (report.equals(lastReported)) {
            return;
        }
        try {
            HostConfigChannelGrpc.newBlockingStub(manager).withDeadlineAfter(REPORT_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                    .reportRealized(report);
            lastReported = report;
        } catch (StatusRuntimeException e) {
            // Left unreported, so the next check sends it again.
            LOG.debug("{}: the manager did not take the realised state: {}", host, e.getStatus());
        }
    }

    private void logConnections(SortedMap<DlrId, DlrRealization> before, SortedMap<DlrId, DlrRealization> after) {
        after.forEach((dlr, now) -> {
            Optional<ControllerId> was = Optional.ofNullable(before.get(dlr)).flatMap(DlrRealization::controller);
            if (!now.controller().equals(was)) {
                now.controller().ifPresentOrElse(
                        controller -> LOG.info("{}: DLR {} connected to controller {} ({} LIFs, {} routes)", host, dlr,
                                controller, now.lifCount(), now.routeCount()),
                        () -> LOG.info("{}: DLR {} has no controller session now (was {})", host, dlr, was.orElseThrow()));
            }
        });
    }

    private long appliedGeneration() {
        return applied.map(HostDesiredState::generation).orElse(0L);
    }

    private void publishView() {
        view = new HostAgentView(host, appliedGeneration(), connected, installed.dlrs(), realized,
                session != null && controlPlaneInSync);
    }

    // ---- lifecycle ----

    @Override
    public void close() {
        State before = state.getAndSet(State.CLOSED);
        if (before == State.CLOSED) {
            return;
        }
        if (before == State.STARTED) {
            onFollowerThread(() -> {
                if (subscription != null) {
                    subscription.cancel();
                    subscription = null;
                }
                closeSession();
                connected = false;
                publishView();
            });
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("{}: the config follower did not stop within 10 s", host);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every task runs through this, so a failure shows and the follower goes on. */
    private Runnable guarded(Runnable task) {
        return AgentTasks.guarded(LOG, host, "a config follower step", task);
    }

    /** Stream callbacks can outlive the follower; after close they have nowhere to go and need none. */
    private void onFollowerThread(Runnable task) {
        try {
            thread.execute(guarded(task));
        } catch (RejectedExecutionException e) {
            LOG.debug("{}: follower closed; dropping a callback", host);
        }
    }

    /** One Subscribe call. Callbacks of a call that has been replaced are ignored. */
    private final class Subscription implements ClientResponseObserver<HostHello, HostConfig> {
        private ClientCallStreamObserver<HostHello> call;

        @Override
        public void beforeStart(ClientCallStreamObserver<HostHello> requestStream) {
            call = requestStream;
        }

        void cancel() {
            if (call != null) {
                call.cancel("host config follower closed", null);
            }
        }

        @Override
        public void onNext(HostConfig config) {
            onFollowerThread(() -> {
                if (subscription == this) {
                    received(config);
                }
            });
        }

        @Override
        public void onError(Throwable t) {
            onFollowerThread(() -> {
                if (subscription == this) {
                    lost(t);
                }
            });
        }

        @Override
        public void onCompleted() {
            onFollowerThread(() -> {
                if (subscription == this) {
                    lost(null);
                }
            });
        }
    }
}
