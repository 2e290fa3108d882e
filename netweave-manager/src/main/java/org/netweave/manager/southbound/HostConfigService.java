package org.netweave.manager.southbound;

import java.io.Closeable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import org.netweave.manager.realization.RealizationService;
import org.netweave.manager.store.Store;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.InvalidValueException;
import org.netweave.proto.manager.v1.DlrConnection;
import org.netweave.proto.manager.v1.HostConfig;
import org.netweave.proto.manager.v1.HostConfigChannelGrpc;
import org.netweave.proto.manager.v1.HostHello;
import org.netweave.proto.manager.v1.HostRealized;
import org.netweave.proto.manager.v1.RealizedAck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The manager's side of the host configuration channel. After writes (coalesced), one worker
 * thread recomputes every host's configuration from the desired state, notes in the realised-state
 * service where a host's configuration changed, and sends the new configuration to the host if it
 * is subscribed. A host that subscribes gets its whole configuration at once. The worker is the
 * only thread that sends, so a host never sees configurations out of order.
 */
public final class HostConfigService extends HostConfigChannelGrpc.HostConfigChannelImplBase implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(HostConfigService.class);

    private final Store store;
    private final RealizationService realization;
    private final Supplier<List<String>> controllers;
    private final Map<HostId, StreamObserver<HostConfig>> subscribers = new ConcurrentHashMap<>();
    private final Set<HostId> needFullConfig = ConcurrentHashMap.newKeySet();
    private final Map<HostId, Map<DlrId, DlrConnection>> dlrConnections = new ConcurrentHashMap<>();
    /** Worker state: the last content computed per host. */
    private final Map<HostId, HostConfig> contents = new HashMap<>();
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
        if (observer instanceof ServerCallStreamObserver<HostConfig> call) {
            call.setOnCancelHandler(() -> unsubscribe(host, observer));
        }
        StreamObserver<HostConfig> before = subscribers.put(host, observer);
        if (before != null) {
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

    private void unsubscribe(HostId host, StreamObserver<HostConfig> observer) {
        if (subscribers.remove(host, observer)) {
            realization.connected(host, false);
        }
    }

    private void recompute() {
        // The generation first: the contents read after it hold at least everything up to it.
        long generation = store.generation();
        List<String> controllerList = controllers.get();
        Map<HostId, HostConfigInputs> inputs = store.read(HostConfigQuery::readAll);
        contents.keySet().removeIf(host -> !inputs.containsKey(host));
        for (var entry : inputs.entrySet()) {
            HostId host = entry.getKey();
            HostConfig content = HostConfigs.build(entry.getValue(), controllerList);
            boolean changed = !content.equals(contents.get(host));
            if (changed) {
                contents.put(host, content);
                realization.configChanged(host, generation);
            }
            StreamObserver<HostConfig> subscriber = subscribers.get(host);
            // Only a subscriber seen here consumes the flag: subscribe() adds it after registering
            // the stream and wakes the worker, so a flag set after this read is seen next round.
            boolean subscribedSinceLastSend = subscriber != null && needFullConfig.remove(host);
            if (subscriber != null && (changed || subscribedSinceLastSend)) {
                HostConfig config = content.toBuilder().setGeneration(generation).build();
                synchronized (subscriber) {
                    safely(() -> subscriber.onNext(config));
                }
                LOG.debug("host {}: configuration of generation {} sent", host, generation);
            }
        }
        realization.computedUpTo(generation);
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
