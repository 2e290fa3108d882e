package org.netweave.controller.cluster;

import java.io.Closeable;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.netweave.controller.slice.Role;
import org.netweave.controller.slice.SliceAssignment;
import org.netweave.controller.slice.SliceSpace;
import org.netweave.model.ControllerId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordination side of a controller node: its serving registration, the role elections,
 * the master's publishing and every node's view of the assignments.
 *
 * <p>Everything here runs on one coordination thread (Curator delivers its callbacks to it), so
 * the state below needs no locks beyond the volatile reads other threads make.
 *
 * <p>When may a node act as the owner of a slice? Only while (a) it is connected to the
 * ZooKeeper majority, (b) it has a registration in the current session, and (c) the newest
 * assignment it has seen names that very registration. A node whose session expired therefore
 * stops at (a) at once, before the server even expires the session and the master moves its
 * slices; and after it comes back it waits at (c) until the master has published an assignment
 * that knows its new registration.
 */
public final class ClusterCoordinator implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterCoordinator.class);

    private final CuratorFramework client;
    private final ControllerId node;
    private final SliceSpace space;
    private final CoordinatorListener listener;
    private final ExecutorService thread;
    private final ServingRegistration registration;
    private final RoleElection election;
    private final AssignmentWatcher watcher;
    private final CuratorCache servingCache;
    private final HandoverBarrier barrier;
    private volatile boolean connected;

    public ClusterCoordinator(CuratorFramework client, ControllerId node, String hostAddress, SliceSpace space,
                              Clock clock, CoordinatorListener listener) {
        this.client = client;
        this.node = node;
        this.space = space;
        this.listener = listener;
        this.thread = Executors.newSingleThreadExecutor(Thread.ofPlatform().name(node + "-coordination").factory());
        this.registration = new ServingRegistration(client, node, hostAddress);
        this.election = new RoleElection(client, node, hostAddress, clock, thread, this::mastershipChanged);
        // Assignment events skip the coordination thread: they only hand work to the owner thread,
        // and must not queue behind a new master's publishing when a node fails.
        this.watcher = new AssignmentWatcher(client, Runnable::run, this::assignmentPublished);
        this.servingCache = CuratorCache.build(client, ZkLayout.SERVING);
        servingCache.listenable().addListener((type, before, after) -> publishAsMaster(), thread);
        this.barrier = new HandoverBarrier(client, node, Runnable::run, listener::handoverProgressed);
    }

    public HandoverBarrier barrier() {
        return barrier;
    }

    public void start() throws Exception {
        client.getConnectionStateListenable().addListener((c, state) -> connectionChanged(state), thread);
        // Curator may have reported CONNECTED before this listener existed; then this is the start.
        run(() -> {
            if (client.getZookeeperClient().isConnected()) {
                connectionChanged(ConnectionState.CONNECTED);
            }
        });
        watcher.start();
        servingCache.start();
        barrier.start();
        election.start();
    }

    public ControllerId node() {
        return node;
    }

    public boolean hasMajority() {
        return connected;
    }

    public AssignmentWatcher.VersionedAssignment assignment(Role role) {
        return watcher.current(role);
    }

    /** See the class comment: connected, registered, and named by the newest assignment. */
    public boolean mayAct(SliceAssignment assignment) {
        long current = registration.current();
        return connected && current != 0 && assignment.registrationOf(node).orElse(0L) == current;
    }

    public List<RoleStatus> roles() {
        return election.status();
    }

    public boolean isMaster(Role role) {
        return election.isMaster(role);
    }

    /** The host-facing service is down: give up the slices (see {@link ServingRegistration}). */
    public void withdraw() throws Exception {
        run(registration::withdraw);
    }

    public void restore() throws Exception {
        run(registration::restore);
    }

    public boolean isWithdrawn() {
        return registration.isWithdrawn();
    }

    private void connectionChanged(ConnectionState state) {
        LOG.info("{}: ZooKeeper connection {}", node, state);
        switch (state) {
            case SUSPENDED, LOST -> {
                if (connected) {
                    connected = false;
                    listener.majorityChanged(false);
                }
                if (state == ConnectionState.LOST) {
                    registration.sessionLost();
                    listener.sessionLost();
                }
            }
            case CONNECTED, RECONNECTED -> {
                connected = true;
                try {
                    barrier.prepare(Role.SWITCH_MANAGER);
                    barrier.prepare(Role.LOGICAL_MANAGER);
                    registration.register();
                    refreshAssignments();
                } catch (Exception e) {
                    LOG.warn("{}: could not re-register after reconnecting: {}", node, e.toString());
                }
                listener.majorityChanged(true);
                for (Role role : Role.values()) {
                    listener.assignmentChanged(watcher.current(role).assignment());
                }
                publishAsMaster();
            }
            case READ_ONLY -> {
                // Netweave clients never ask for read-only mode, so ZooKeeper never reports it.
            }
        }
    }

    /** Reads the assignments directly (sync first): for the owner side after a write was fenced out. */
    public void refresh() throws Exception {
        run(() -> {
            client.sync().forPath(ZkLayout.ROOT + "/roles");
            refreshAssignments();
        });
    }

    /** The cache may lag after a reconnect; read the assignments directly so acting resumes promptly. */
    private void refreshAssignments() throws Exception {
        for (Role role : Role.values()) {
            Stat stat = new Stat();
            try {
                byte[] data = client.getData().storingStatIn(stat).forPath(ZkLayout.assignment(role));
                watcher.offer(new AssignmentWatcher.VersionedAssignment(AssignmentCodec.decode(data), stat.getVersion()));
            } catch (KeeperException.NoNodeException e) {
                // Not published yet.
            }
        }
    }

    private void assignmentPublished(SliceAssignment assignment) {
        listener.assignmentChanged(assignment);
    }

    /** @param master what this callback says, not what the latch says by the time it runs */
    private void mastershipChanged(Role role, boolean master) {
        LOG.atInfo().setMessage("{}: {} master for {}").addArgument(node)
                .addArgument(master ? "became" : "is no longer").addArgument(role.cliName())
                .addKeyValue("event", master ? "became-master" : "lost-master").addKeyValue("controller", node.value())
                .addKeyValue("role", role.cliName()).log();
        publishAsMaster(role);
    }

    private void publishAsMaster() {
        for (Role role : Role.values()) {
            publishAsMaster(role);
        }
    }

    private void publishAsMaster(Role role) {
        if (election.isMaster(role) && connected) {
            try {
                new AssignmentPublisher(client, role, space).publish();
            } catch (Exception e) {
                LOG.warn("{}: could not publish the {} assignment: {}", node, role.cliName(), e.toString());
            }
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private void run(Step step) throws Exception {
        try {
            thread.submit(() -> {
                step.run();
                return null;
            }).get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            election.close();
        } catch (Exception e) {
            LOG.debug("{}: closing the elections: {}", node, e.toString());
        }
        servingCache.close();
        barrier.close();
        watcher.close();
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
