package org.netweave.manager.southbound;

import java.io.Closeable;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import org.netweave.manager.certificates.StreamCertificates;
import org.netweave.manager.realization.RealizationService;
import org.netweave.manager.store.Store;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.InvalidValueException;
import org.netweave.pki.ComponentIdentity;
import org.netweave.pki.PeerIdentity;
import org.netweave.proto.controller.v1.RevokedCertificates;
import org.netweave.proto.manager.v1.DlrConnection;
import org.netweave.proto.manager.v1.HostConfig;
import org.netweave.proto.manager.v1.HostConfigChannelGrpc;
import org.netweave.proto.manager.v1.HostCounters;
import org.netweave.proto.manager.v1.HostHello;
import org.netweave.proto.manager.v1.HostRealized;
import org.netweave.proto.manager.v1.RealizedAck;
import org.netweave.proto.manager.v1.RevocationsRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The manager's side of the host configuration channel. After writes (coalesced), one worker
 * thread reads the rows written since its last round into a {@link HostConfigIndex}, which names
 * the hosts those rows concern; it rebuilds only those hosts' configurations, notes in the
 * realised-state service where a configuration changed, and sends a changed configuration to its
 * host if it is subscribed. A host that subscribes gets its whole configuration at once. The worker
 * is the only thread that sends, so a host never sees configurations out of order.
 */
public final class HostConfigService extends HostConfigChannelGrpc.HostConfigChannelImplBase implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(HostConfigService.class);

    private volatile Consumer<HostCounters> counters = report -> { };

    private final Store store;
    private final RealizationService realization;
    private final Supplier<List<String>> controllers;
    private final Map<HostId, StreamObserver<HostConfig>> subscribers = new ConcurrentHashMap<>();
    /** The certificate each subscription was made with: a revoked host's stream ends at once. */
    public final StreamCertificates certificates = new StreamCertificates("host configuration");
    private volatile Supplier<List<BigInteger>> revoked = List::of;
    private final Set<HostId> needFullConfig = ConcurrentHashMap.newKeySet();
    private final Map<HostId, Map<DlrId, DlrConnection>> dlrConnections = new ConcurrentHashMap<>();
    // Worker state: the desired state hosts are made of, the generation it is read up to, the
    // controllers last used and the last content computed per host.
    private HostConfigIndex index = new HostConfigIndex();
    private long since;
    private List<String> lastControllers;
    private final Map<HostId, HostConfig> contents = new HashMap<>();
    private final List<BiConsumer<HostId, Optional<HostConfig>>> configListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> roundListeners = new CopyOnWriteArrayList<>();
    private volatile boolean computedAll;
    private final CoalescingWorker worker;

    public HostConfigService(Store store, RealizationService realization, Supplier<List<String>> controllers) {
        this.store = store;
        this.realization = realization;
        this.controllers = controllers;
        this.worker = new CoalescingWorker("host-config", this::recompute);
    }

    public HostConfigService start() {
        store.addCommitListener(generation -> wake());
        worker.start();
        wake();
        return this;
    }

    /** Something the configurations depend on changed outside the store (the controller list). */
    public void wake() {
        worker.wake();
    }

    /** What host {@code host} last reported about its DLR instances. */
    public Map<DlrId, DlrConnection> dlrConnections(HostId host) {
        return Map.copyOf(dlrConnections.getOrDefault(host, Map.of()));
    }

    public boolean isSubscribed(HostId host) {
        return subscribers.containsKey(host);
    }

    @Override
    public void subscribe(HostHello hello, StreamObserver<HostConfig> observer) {
        HostId host;
        try {
            host = HostId.of(hello.getHostId());
        } catch (InvalidValueException e) {
            observer.onError(io.grpc.Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
            return;
        }
        if (!mayActAs(host, observer)) {
            return;
        }
        certificates.record(observer);
        if (observer instanceof ServerCallStreamObserver<HostConfig> call) {
            call.setOnCancelHandler(() -> unsubscribe(host, observer));
        }
        StreamObserver<HostConfig> before = subscribers.put(host, observer);
        if (certificates.revokedSince(observer) && subscribers.remove(host, observer)) {
            // Revoked between the call's own check and the registration: the sweep ran without it.
            certificates.end(observer, "host " + host.value());
            return;
        }
        if (before != null) {
            certificates.forget(before);
            LOG.info("host {} subscribed again; its earlier stream is closed", host);
            synchronized (before) {
                safely(before::onCompleted);
            }
        }
        realization.reportApplied(host, hello.getAppliedGeneration());
        realization.connected(host, true);
        needFullConfig.add(host);
        wake();
    }

    @Override
    public void reportRealized(HostRealized report, StreamObserver<RealizedAck> observer) {
        try {
            HostId host = HostId.of(report.getHostId());
            if (!mayActAs(host, observer)) {
                return;
            }
            realization.reportApplied(host, report.getAppliedGeneration());
            Map<DlrId, DlrConnection> connections = new HashMap<>();
            report.getDlrConnectionsList().forEach(c -> connections.put(DlrId.of(c.getDlrId()), c));
            dlrConnections.put(host, connections);
            observer.onNext(RealizedAck.getDefaultInstance());
            observer.onCompleted();
        } catch (InvalidValueException e) {
            observer.onError(io.grpc.Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
        }
    }

    /**
     * Hears every change of a host's configuration content (without its generation), and a host
     * that is gone as empty; on the service's worker thread. Register before {@link #start()}.
     */
    public void onConfigChanged(BiConsumer<HostId, Optional<HostConfig>> listener) {
        configListeners.add(listener);
    }

    /**
     * Hears the end of every round, after its changes were told to {@link #onConfigChanged}
     * listeners; {@link #hasComputedAll()} is true from the first.
     */
    public void onRoundDone(Runnable listener) {
        roundListeners.add(listener);
    }

    /** Whether every host's configuration has been computed (and told) at least once. */
    public boolean hasComputedAll() {
        return computedAll;
    }

    /** Where the hosts' datapath counters go (the manager's metrics); called on gRPC threads. */
    public void onCounters(Consumer<HostCounters> sink) {
        this.counters = sink;
    }

    @Override
    public void reportCounters(HostCounters report, StreamObserver<RealizedAck> observer) {
        try {
            if (!mayActAs(HostId.of(report.getHostId()), observer)) {
                return;
            }
        } catch (InvalidValueException e) {
            observer.onError(io.grpc.Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
            return;
        }
        counters.accept(report);
        observer.onNext(RealizedAck.getDefaultInstance());
        observer.onCompleted();
    }

    /**
     * Whether the caller may speak for {@code host}: its certificate names that host (or the call
     * came over plaintext, in a test). Otherwise the call ends PERMISSION_DENIED and it is logged.
     */
    private static boolean mayActAs(HostId host, StreamObserver<?> observer) {
        try {
            PeerIdentity.require(ComponentIdentity.host(host));
            return true;
        } catch (StatusRuntimeException e) {
            LOG.atWarn().setMessage("refused a call for host {}: {}").addArgument(host).addArgument(e.getStatus().getDescription())
                    .addKeyValue("event", "host-impersonation-refused").addKeyValue("host", host.value()).log();
            observer.onError(e);
            return false;
        }
    }

    /** Where {@link #getRevocations} reads the authority's revoked serials; none until it is set. */
    public void publishRevocations(Supplier<List<BigInteger>> revoked) {
        this.revoked = revoked;
    }

    @Override
    public void getRevocations(RevocationsRequest request, StreamObserver<RevokedCertificates> observer) {
        observer.onNext(RevokedCertificates.newBuilder()
                .addAllSerials(revoked.get().stream().map(serial -> serial.toString(16)).toList()).build());
        observer.onCompleted();
    }

    /** A certificate was revoked: the configuration stream its host holds ends now, not at its next handshake. */
    public void certificateRevoked(BigInteger serial) {
        subscribers.forEach((host, observer) -> {
            if (certificates.openedWith(observer, serial) && subscribers.remove(host, observer)) {
                realization.connected(host, false);
                certificates.end(observer, "host " + host.value());
            }
        });
    }

    private void unsubscribe(HostId host, StreamObserver<HostConfig> observer) {
        certificates.forget(observer);
        if (subscribers.remove(host, observer)) {
            realization.connected(host, false);
        }
    }

    private void recompute() {
        // The generation first: every write up to it has committed, so the rows read after it
        // hold at least everything up to it.
        long generation = store.generation();
        List<String> controllerList = controllers.get();
        Set<HostId> dirty;
        try {
            dirty = store.read(handle -> HostConfigReader.update(handle, index, since));
        } catch (RuntimeException e) {
            // A round that failed halfway may have left rows in the index without their hosts
            // rebuilt: the next round starts from an empty index and compares every host.
            index = new HostConfigIndex();
            since = 0;
            throw e;
        }
        since = generation;
        if (!controllerList.equals(lastControllers)) {
            lastControllers = controllerList;
            dirty = index.hosts();
        }
        for (HostId gone : contents.keySet().stream().filter(host -> !index.hasHost(host)).toList()) {
            contents.remove(gone);
            configListeners.forEach(listener -> listener.accept(gone, Optional.empty()));
        }
        Set<HostId> sent = new HashSet<>();
        for (HostId host : dirty) {
            if (!index.hasHost(host)) {
                continue;
            }
            HostConfig content = HostConfigs.build(index.inputs(host), controllerList);
            if (!content.equals(contents.get(host))) {
                contents.put(host, content);
                configListeners.forEach(listener -> listener.accept(host, Optional.of(content)));
                realization.configChanged(host, generation);
                if (send(host, content, generation)) {
                    sent.add(host);
                }
            }
        }
        for (HostId host : List.copyOf(needFullConfig)) {
            // Only a subscriber seen here consumes the flag: subscribe() adds it after registering
            // the stream and wakes the worker, so a flag set after this read is seen next round.
            HostConfig content = contents.get(host);
            if (content != null && subscribers.containsKey(host) && needFullConfig.remove(host) && !sent.contains(host)) {
                send(host, content, generation);
            }
        }
        realization.computedUpTo(generation);
        computedAll = true;
        roundListeners.forEach(Runnable::run);
    }

    /** Sends {@code content} as of {@code generation} if the host is subscribed; whether it was. */
    private boolean send(HostId host, HostConfig content, long generation) {
        StreamObserver<HostConfig> subscriber = subscribers.get(host);
        if (subscriber == null) {
            return false;
        }
        HostConfig config = content.toBuilder().setGeneration(generation).build();
        synchronized (subscriber) {
            safely(() -> subscriber.onNext(config));
        }
        LOG.debug("host {}: configuration of generation {} sent", host, generation);
        return true;
    }

    private static void safely(Runnable send) {
        try {
            send.run();
        } catch (RuntimeException e) {
            // The stream is gone (the host went away); its cancel handler unsubscribes it.
            LOG.debug("a host stream refused a message: {}", e.toString());
        }
    }

    @Override
    public void close() {
        worker.close();
        subscribers.values().forEach(observer -> {
            synchronized (observer) {
                safely(observer::onCompleted);
            }
        });
        subscribers.clear();
    }
}
