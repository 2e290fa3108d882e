package org.netweave.controller;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryNTimes;
import org.netweave.controller.cluster.ClusterCoordinator;
import org.netweave.controller.grpc.ControlVmChannelService;
import org.netweave.controller.grpc.HostChannelService;
import org.netweave.controller.grpc.ManagerChannelService;
import org.netweave.controller.owner.ObjectStore;
import org.netweave.controller.owner.OwnerService;
import org.netweave.model.ControllerId;
import org.netweave.pki.CallerRule;
import org.netweave.pki.ComponentKind;
import org.netweave.proto.controller.v1.ManagerChannelGrpc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One controller node: a ZooKeeper client (to its own embedded peer or an external ensemble),
 * the coordination side (registration, role elections, assignments), the owner side (runtime
 * tables of the owned logical switches and routers) and the gRPC services that hosts, the
 * manager and control VMs call.
 *
 * <p>Lifecycle: {@link #start()} once, {@link #close()} once. {@link #crash()} is what a test
 * calls to make the node vanish without a goodbye: no ZooKeeper session close, no stream
 * completion, so the cluster finds out only by the session timing out, as with a dead VM.
 */
public final class ControllerNode implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(ControllerNode.class);

    private final ControllerNodeConfig config;
    private final Clock clock;
    private final CuratorFramework client;
    private final AtomicReference<Server> server = new AtomicReference<>();
    private final ScheduledExecutorService health;
    private ClusterCoordinator coordinator;
    private OwnerService owner;
    private String hostAddress;
    private int boundPort;

    public ControllerNode(ControllerNodeConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.client = CuratorFrameworkFactory.builder()
                .connectString(config.zkConnectString())
                .sessionTimeoutMs((int) config.sessionTimeout().toMillis())
                // Short waits and few retries: the coordination and owner threads call ZooKeeper
                // synchronously, and a call that waits for a lost connection would hold back the
                // SUSPENDED event that tells the node to stop acting. A failed call is retried by
                // the next event (reconnect, assignment change) instead.
                .connectionTimeoutMs((int) Math.min(config.sessionTimeout().toMillis() / 2, 1_000))
                .retryPolicy(new RetryNTimes(2, 100))
                // The node talks to the servers its config names and no others. Curator would
                // otherwise follow the ensemble's dynamic config to every peer, and a node whose
                // own embedded peer is gone or cut off would carry on through another one, which
                // breaks "losing the node's peer is losing the node" (see ControllerNodeConfig).
                .ensembleTracker(false)
                .zkClientConfig(config.zooKeeper().clientConfig())
                .build();
        this.health = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(config.id() + "-health").factory());
    }

    private volatile Runnable stopHearingRevocations = () -> { };

    public ControllerNode start() throws Exception {
        client.start();
        owner = new OwnerService(config.id(), new ObjectStore(client), config.space(), config.claimGrace());
        owner.revokedBy(config.security()::isRevoked);
        stopHearingRevocations = config.security().onRevoked(owner::certificateRevoked);
        startHostService(config.hostFacingPort());
        hostAddress = config.hostFacingHost() + ":" + boundPort;
        coordinator = new ClusterCoordinator(client, config.id(), hostAddress, config.space(), clock, owner);
        owner.attach(coordinator);
        coordinator.start();
        HostFacingHealth probe = new HostFacingHealth(new InetSocketAddress(config.hostFacingHost(), boundPort),
                config.healthInterval());
        long interval = config.healthInterval().toMillis();
        health.scheduleWithFixedDelay(() -> checkHostFacing(probe), interval, interval, TimeUnit.MILLISECONDS);
        LOG.info("{}: started; hosts connect to {}", config.id(), hostAddress);
        return this;
    }

    /**
     * The manager's channel is the manager's; a control VM may only ask it for the slice
     * assignments, to find the owner of its DLR before it pushes its forwarding table.
     */
    private static final CallerRule MANAGER_CHANNEL_CALLERS = method -> method.equals(ManagerChannelGrpc.getGetAssignmentsMethod())
            ? Set.of(ComponentKind.MANAGER, ComponentKind.CONTROL_VM)
            : Set.of(ComponentKind.MANAGER);

    private void startHostService(int port) throws IOException {
        // Each service admits only the kind of component it is for; a host cannot act as the manager.
        Server started = NettyServerBuilder.forAddress(new InetSocketAddress(config.hostFacingHost(), port),
                        config.security().serverCredentials())
                .addService(ServerInterceptors.intercept(new HostChannelService(owner),
                        config.security().callers(CallerRule.only(ComponentKind.HOST))))
                .addService(ServerInterceptors.intercept(new ManagerChannelService(owner, config.security()),
                        config.security().callers(MANAGER_CHANNEL_CALLERS)))
                .addService(ServerInterceptors.intercept(new ControlVmChannelService(owner),
                        config.security().callers(CallerRule.only(ComponentKind.CONTROL_VM))))
                .build()
                .start();
        boundPort = started.getPort();
        server.set(started);
    }

    private void checkHostFacing(HostFacingHealth probe) {
        try {
            boolean reachable = probe.probe();
            if (!reachable && !coordinator.isWithdrawn()) {
                LOG.warn("{}: hosts cannot reach {}; giving up this node's slices", config.id(), hostAddress);
                coordinator.withdraw();
            } else if (reachable && coordinator.isWithdrawn()) {
                LOG.info("{}: {} is reachable again; taking slices again", config.id(), hostAddress);
                coordinator.restore();
            }
        } catch (Exception e) {
            LOG.warn("{}: host-facing health check failed: {}", config.id(), e.toString());
        }
    }

    public ControllerId id() {
        return config.id();
    }

    /** The host-facing address ("host:port") that hosts, the manager and control VMs use. */
    public String hostAddress() {
        return hostAddress;
    }

    public ClusterCoordinator coordinator() {
        return coordinator;
    }

    public OwnerService owner() {
        return owner;
    }

    public CuratorFramework zooKeeper() {
        return client;
    }

    /** Takes the host-facing service down while the node stays in the cluster (a fault test's cut). */
    public void stopHostService() {
        Server running = server.getAndSet(null);
        if (running != null) {
            running.shutdownNow();
        }
    }

    /** Brings the host-facing service back on the same port. */
    public void restartHostService() throws IOException {
        startHostService(boundPort);
    }

    /** Vanishes without telling anyone; see the class comment. */
    public void crash() {
        health.shutdownNow();
        stopHostService();
        owner.close();
        coordinator.close();
        // Closing the ZooKeeper client sends closeSession only if a server is reachable; a test
        // crashes a node after stopping the ZooKeeper server the node talks to, so the ensemble
        // must wait out the session timeout.
        client.close();
    }

    @Override
    public void close() {
        stopHearingRevocations.run();
        health.shutdownNow();
        stopHostService();
        if (owner != null) {
            owner.close();
        }
        if (coordinator != null) {
            coordinator.close();
        }
        client.close();
        LOG.info("{}: stopped", config.id());
    }
}
