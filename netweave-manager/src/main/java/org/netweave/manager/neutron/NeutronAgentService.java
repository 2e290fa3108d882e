package org.netweave.manager.neutron;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import org.netweave.manager.certificates.StreamCertificates;
import org.netweave.manager.southbound.CoalescingWorker;
import org.netweave.manager.store.Store;
import org.netweave.proto.manager.v1.AgentHello;
import org.netweave.proto.manager.v1.AgentNotification;
import org.netweave.proto.manager.v1.NeutronAgentChannelGrpc;
import org.netweave.proto.manager.v1.NeutronPort;
import org.netweave.proto.manager.v1.PortList;
import org.netweave.proto.manager.v1.RouterList;
import org.netweave.proto.manager.v1.SubnetPortsRequest;
import org.netweave.proto.manager.v1.SyncRoutersRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Neutron server's side of the DVR agents (seed 003): after the store's commits, on a thread of
 * its own, it compares the agents' topology with the one before and casts the
 * notifications that follow ({@link AgentNotifications}) to the subscribed hosts; and it answers
 * the agents' calls from the last topology it notified. Driven by the store rather than by the
 * Neutron API, so a write through {@code /api/v1} that takes Neutron networks and ports with it (a
 * logical switch deleted) is heard too. A host that subscribes gets a full sync first, so a host
 * that missed notifications while away catches up on its own.
 */
public final class NeutronAgentService extends NeutronAgentChannelGrpc.NeutronAgentChannelImplBase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NeutronAgentService.class);
    /** Reads of the topology before one is taken although a commit came during it; see {@link #read}. */
    private static final int READ_ATTEMPTS = 5;

    private final Store store;
    private final CoalescingWorker worker;
    private final Store.CommitListener onCommit;
    private final Map<String, List<ServerCallStreamObserver<AgentNotification>>> subscribers = new HashMap<>();
    /** The certificates the agents' subscriptions were made with: a revoked host's end at once. */
    public final StreamCertificates certificates = new StreamCertificates("Neutron agents");
    /** The topology the last notifications were made from; set by {@link #start}. Guarded by {@code this}. */
    private AgentTopology current;

    public NeutronAgentService(Store store) {
        this.store = store;
        this.worker = new CoalescingWorker("neutron-agents", this::refresh);
        this.onCommit = generation -> worker.wake();
    }

    /**
     * Reads the topology the first subscribers are synced with, then follows the store's commits.
     * Call before the service takes calls. The listener is added before that read, so a commit
     * during it is not missed: it only makes a round that finds nothing new.
     */
    public NeutronAgentService start() {
        store.addCommitListener(onCommit);
        AgentTopology first = read();
        synchronized (this) {
            current = first;
        }
        worker.start();
        return this;
    }

    /**
     * Casts what changed since the last round. Runs on the worker's thread after commits, once for
     * any number of them, so each host hears the changes in the order they were made. The store is
     * read before the lock is taken: subscribers and the agents' calls wait only for the comparison.
     */
    private void refresh() {
        AgentTopology after = read();
        SortedMap<String, List<AgentNotification>> casts;
        synchronized (this) {
            AgentTopology before = current;
            current = after;
            casts = AgentNotifications.between(before, after);
            casts.forEach((host, notifications) -> notifications.forEach(n -> cast(host, n)));
        }
        if (!casts.isEmpty()) {
            LOG.info("DVR agents notified: {}", casts.entrySet().stream().map(e -> e.getKey() + " "
                    + e.getValue().stream().map(NeutronAgentService::describe).toList()).toList());
        }
    }

    /**
     * The topology at one commit. {@link AgentTopology#read} runs several queries outside a
     * transaction, so it is read again while the store's generation moved during it. After
     * {@link #READ_ATTEMPTS} the last read is taken all the same: the commit that moved the
     * generation has woken the worker, whose next round reads again.
     */
    private AgentTopology read() {
        AgentTopology read = null;
        for (int attempt = 1; attempt <= READ_ATTEMPTS; attempt++) {
            long before = store.generation();
            read = store.read(AgentTopology::read);
            if (store.generation() == before) {
                return read;
            }
        }
        LOG.debug("the store changed during each of {} reads of the DVR agents' topology; the next round reads it again",
                READ_ATTEMPTS);
        return read;
    }

    @Override
    public void subscribe(AgentHello hello, StreamObserver<AgentNotification> observer) {
        String host = hello.getHost();
        if (host.isEmpty()) {
            observer.onError(Status.INVALID_ARGUMENT.withDescription("host is missing").asRuntimeException());
            return;
        }
        ServerCallStreamObserver<AgentNotification> call = (ServerCallStreamObserver<AgentNotification>) observer;
        certificates.record(call);
        synchronized (this) {
            if (certificates.revokedSince(call)) {
                certificates.end(call, "the agents of " + host);
                return;
            }
            subscribers.computeIfAbsent(host, h -> new ArrayList<>()).add(call);
            call.setOnCancelHandler(() -> unsubscribe(host, call));
            AgentNotification sync = AgentNotifications.fullSync(current, host);
            LOG.info("{}: DVR agents subscribed; full sync with {} routers", host,
                    sync.getRoutersUpdated().getRouterIdsCount());
            send(host, call, sync);
        }
    }

    /*
     * The calls are answered from the topology the last notifications were made from: an agent asks
     * because of a notification, and that topology is at least as new as it. A write not yet
     * refreshed has not been notified; its notifications will make the agent ask again.
     */

    @Override
    public void syncRouters(SyncRoutersRequest request, StreamObserver<RouterList> observer) {
        AgentTopology topology = snapshot();
        RouterList.Builder list = RouterList.newBuilder();
        request.getRouterIdsList().stream().distinct().map(topology.routers()::get).filter(r -> r != null)
                .forEach(list::addRouters);
        observer.onNext(list.build());
        observer.onCompleted();
    }

    @Override
    public void getPortsBySubnet(SubnetPortsRequest request, StreamObserver<PortList> observer) {
        answer(observer, snapshot().portsOnSubnet(request.getSubnetId()));
    }

    @Override
    public void getPortsOnHostBySubnet(SubnetPortsRequest request, StreamObserver<PortList> observer) {
        answer(observer, snapshot().portsOnSubnet(request.getSubnetId()).stream()
                .filter(p -> p.getHost().equals(request.getHost())).toList());
    }

    @Override
    public void getDevicesOnHost(AgentHello hello, StreamObserver<PortList> observer) {
        answer(observer, snapshot().ports().values().stream()
                .filter(p -> p.getHost().equals(hello.getHost())).toList());
    }

    /** Stops following the store and ends every stream: the manager is stopping. */
    @Override
    public void close() {
        store.removeCommitListener(onCommit);
        worker.close();
        synchronized (this) {
            subscribers.values().forEach(calls -> calls.forEach(call -> {
                try {
                    call.onCompleted();
                } catch (IllegalStateException e) {
                    // already ended by the client
                }
            }));
            subscribers.clear();
        }
    }

    private synchronized AgentTopology snapshot() {
        return current;
    }

    private void cast(String host, AgentNotification notification) {
        List<ServerCallStreamObserver<AgentNotification>> calls = subscribers.getOrDefault(host, List.of());
        LOG.debug("{}: {} ({} agent streams)", host, describe(notification), calls.size());
        List.copyOf(calls).forEach(call -> send(host, call, notification));
    }

    private void send(String host, ServerCallStreamObserver<AgentNotification> call, AgentNotification notification) {
        try {
            call.onNext(notification);
        } catch (RuntimeException e) {
            // A stream the client just cancelled: its cancel handler removes it.
            LOG.debug("{}: notification not sent: {}", host, e.toString());
        }
    }

    /** A certificate was revoked: the subscriptions made with it end now. */
    public synchronized void certificateRevoked(java.math.BigInteger serial) {
        for (String host : List.copyOf(subscribers.keySet())) {
            for (ServerCallStreamObserver<AgentNotification> call : List.copyOf(subscribers.get(host))) {
                if (certificates.openedWith(call, serial)) {
                    unsubscribe(host, call);
                    certificates.end(call, "the agents of " + host);
                }
            }
        }
    }

    private synchronized void unsubscribe(String host, ServerCallStreamObserver<AgentNotification> call) {
        certificates.forget(call);
        List<ServerCallStreamObserver<AgentNotification>> calls = subscribers.get(host);
        if (calls != null) {
            calls.remove(call);
            if (calls.isEmpty()) {
                subscribers.remove(host);
            }
        }
    }

    private static void answer(StreamObserver<PortList> observer, List<NeutronPort> ports) {
        observer.onNext(PortList.newBuilder().addAllPorts(ports).build());
        observer.onCompleted();
    }

    /** One line for the log, Neutron's names. */
    static String describe(AgentNotification n) {
        return switch (n.getKindCase()) {
            case ROUTERS_UPDATED -> "routers_updated " + n.getRoutersUpdated().getRouterIdsList()
                    + (n.getRoutersUpdated().getFullSync() ? " (full sync)" : "");
            case ROUTER_REMOVED -> "router_removed " + n.getRouterRemoved().getRouterId();
            case PORT_ADD -> "port_add " + n.getPortAdd().getId();
            case PORT_DELETE -> "port_delete " + n.getPortDelete().getId();
            case KIND_NOT_SET -> "empty notification";
        };
    }
}
