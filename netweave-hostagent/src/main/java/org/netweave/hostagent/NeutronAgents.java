package org.netweave.hostagent;

import java.io.Closeable;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.grpc.Channel;
import io.grpc.Context;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import org.netweave.model.HostId;
import org.netweave.proto.manager.v1.AgentHello;
import org.netweave.proto.manager.v1.AgentNotification;
import org.netweave.proto.manager.v1.NeutronAgentChannelGrpc;
import org.netweave.proto.manager.v1.NeutronPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's Neutron L3 and L2 agents on one notification stream from the manager (seed 003).
 * Notifications are handled one at a time on the agents' own thread, in the order the server cast
 * them; after each, what the agents hold is published as {@link NeutronRouting} for the reconciler.
 * Every step is an event: logged, and kept (the last {@link #EVENTS_KEPT}) for views and tests.
 *
 * <p>When the stream ends or a call fails, the agents subscribe again; the server's first message
 * is then a full sync, and the L2 agent reads the host's devices again, so nothing missed stays
 * missing. Until then the host keeps forwarding with what it has.
 */
final class NeutronAgents implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(NeutronAgents.class);
    static final int EVENTS_KEPT = 500;
    private static final Backoff RETRY = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5));

    private final HostId host;
    private final Channel manager;
    private final ScheduledThreadPoolExecutor thread;
    private final AtomicReference<HostAgent.State> state = new AtomicReference<>(HostAgent.State.LATENT);
    private final DvrL2Agent l2;
    private final DvrL3Agent l3;
    private final Deque<String> events = new ArrayDeque<>();
    private volatile NeutronRouting routing = NeutronRouting.NONE;
    private volatile Context.CancellableContext stream;
    private int failures;

    NeutronAgents(HostId host, Channel manager) {
        this.host = host;
        this.manager = manager;
        this.thread = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name(host.value() + "-neutron-agents")
                .daemon().factory());
        // A pending resubscribe must not hold up close().
        this.thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        NeutronCalls calls = new NeutronCalls(manager);
        this.l2 = new DvrL2Agent(host.value(), calls, this::event);
        this.l3 = new DvrL3Agent(host.value(), calls, l2, this::event);
    }

    /** Subscribes. Once only. */
    void start() {
        if (!state.compareAndSet(HostAgent.State.LATENT, HostAgent.State.STARTED)) {
            throw new IllegalStateException(host + ": the Neutron agents cannot start when " + state.get());
        }
        onAgentThread(this::subscribe);
    }

    /** What the agents hold now; safe from any thread. */
    NeutronRouting routing() {
        return routing;
    }

    /** The agents' steps, oldest first; safe from any thread. */
    List<String> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    private void subscribe() {
        if (state.get() != HostAgent.State.STARTED) {
            return;
        }
        Context.CancellableContext context = Context.current().withCancellation();
        stream = context;
        context.run(() -> NeutronAgentChannelGrpc.newStub(manager).subscribe(
                AgentHello.newBuilder().setHost(host.value()).build(), new StreamObserver<>() {
                    @Override
                    public void onNext(AgentNotification notification) {
                        onAgentThread(() -> handle(context, notification));
                    }

                    @Override
                    public void onError(Throwable t) {
                        onAgentThread(() -> lost(context, t.getMessage()));
                    }

                    @Override
                    public void onCompleted() {
                        onAgentThread(() -> lost(context, "the manager ended it"));
                    }
                }));
    }

    private void handle(Context.CancellableContext from, AgentNotification notification) {
        if (from != stream) {
            return; // a stream given up on
        }
        try {
            switch (notification.getKindCase()) {
                case ROUTERS_UPDATED -> {
                    if (notification.getRoutersUpdated().getFullSync()) {
                        failures = 0;
                        l2.syncDevices();
                    }
                    l3.routersUpdated(notification.getRoutersUpdated().getRouterIdsList(),
                            notification.getRoutersUpdated().getFullSync());
                }
                case ROUTER_REMOVED -> l3.routerRemoved(notification.getRouterRemoved().getRouterId());
                case PORT_ADD -> {
                    l3.portAdd(notification.getPortAdd());
                    l2.portAdd(notification.getPortAdd());
                }
                case PORT_DELETE -> {
                    l3.portDelete(notification.getPortDelete());
                    l2.portDelete(notification.getPortDelete());
                }
                case KIND_NOT_SET -> LOG.debug("{}: empty agent notification", host);
            }
            publish();
        } catch (StatusRuntimeException e) {
            // What was handled so far stays; the full sync of a new stream completes it.
            lost(from, "a call failed: " + e.getStatus());
            publish();
        } catch (RuntimeException e) {
            // A notification the agents cannot take (a bug, or a server sending what they do not know): resync.
            LOG.warn("{}: the Neutron agents failed on {}; subscribing again for a full sync", host,
                    notification.getKindCase(), e);
            lost(from, e.toString());
        }
    }

    private void lost(Context.CancellableContext from, String why) {
        if (from != stream || state.get() != HostAgent.State.STARTED) {
            return;
        }
        stream = null;
        from.cancel(null);
        failures++;
        Duration wait = RETRY.after(failures, ThreadLocalRandom.current().nextDouble());
        (failures == 1 ? LOG.atInfo() : LOG.atDebug()).log("{}: Neutron agent stream lost ({}); subscribing again in {} ms",
                host, why, wait.toMillis());
        try {
            thread.schedule(this::subscribe, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private void publish() {
        Map<String, Collection<NeutronPort>> arp = new HashMap<>();
        l3.routers().keySet().forEach(r -> arp.put(r, l3.staticArp(r)));
        routing = NeutronRouting.of(l3.routers().values(), arp, l2.devices().values(), l2.dvrPorts());
    }

    private void event(String what) {
        LOG.info("{}: {}", host, what);
        synchronized (events) {
            if (events.size() == EVENTS_KEPT) {
                events.removeFirst();
            }
            events.addLast(what);
        }
    }

    private void onAgentThread(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException e) {
            // closed
        }
    }

    /** Ends the stream (the manager drops the subscription) and stops the agents' thread. */
    @Override
    public void close() {
        if (state.getAndSet(HostAgent.State.CLOSED) == HostAgent.State.CLOSED) {
            return;
        }
        Context.CancellableContext open = stream;
        if (open != null) {
            open.cancel(null);
        }
        thread.shutdown();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.shutdownNow();
    }
}
