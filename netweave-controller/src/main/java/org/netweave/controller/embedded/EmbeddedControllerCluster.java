package org.netweave.controller.embedded;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.zookeeper.KeeperException;
import org.netweave.controller.ControllerNode;
import org.netweave.controller.ControllerNodeConfig;
import org.netweave.controller.slice.SliceSpace;
import org.netweave.controller.status.ControllerStatusService;
import org.netweave.controller.zk.ClusterBootstrap;
import org.netweave.controller.zk.EmbeddedZooKeeperPeer;
import org.netweave.controller.zk.EnsembleAdmin;
import org.netweave.controller.zk.PeerProbe;
import org.netweave.controller.zk.PeerSpec;
import org.netweave.controller.zk.ZkSecurity;
import org.netweave.controller.zk.ZkSuperUser;
import org.netweave.controller.zk.ZkTuning;
import org.netweave.model.ControllerId;
import org.netweave.model.InvalidValueException;
import org.netweave.pki.PeerGroupTls;
import org.netweave.pki.TransportSecurity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A controller cluster inside one JVM, Netweave's embedded mode: every controller node embeds its
 * own ZooKeeper peer and talks to that peer alone, so losing a node's peer is losing the node, as
 * with an NSX Controller VM.
 *
 * <p>The cluster grows as seed 002 prescribes, strictly one node at a time: the first controller's
 * peer starts alone and leads ({@link ClusterBootstrap#startFirst}); each further one starts with
 * the current members plus itself and is proposed to the running cluster with its id and address
 * ({@link ClusterBootstrap#join}), the part NSX Manager plays. A step returns only once the node
 * is complete (a voting member whose controller node is connected and registered), so the next
 * one never starts early. Controllers are named {@code controller-1}, {@code controller-2} … and
 * use ZooKeeper server ids 1, 2 …; every port is a free port on 127.0.0.1, chosen once and kept
 * across restarts.
 *
 * <p>Faults: {@link #kill} stops the controller's peer first and then lets its node vanish without
 * a goodbye ({@link ControllerNode#crash()}), so the survivors learn of it only when its session
 * times out. {@link #restart} brings it back on the same directory and ports, under the same id.
 *
 * <p>The ZooKeeper super user, the only identity allowed to reconfigure the ensemble, belongs to
 * this class: one secret per JVM, installed before the first peer starts, because ZooKeeper reads
 * the trusted digest once per JVM ({@link ZkSuperUser#installOnServers()}). Nothing else in the
 * JVM may start a ZooKeeper server with another secret.
 *
 * <p>Thread-safe. Steps (adding, killing, restarting, closing) run one at a time; the reads
 * ({@link #nodes()}, {@link #hostAddresses()} …) never wait for a step.
 */
public final class EmbeddedControllerCluster implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedControllerCluster.class);

    /** How long one step may wait for the ensemble: a proposal, a rejoin, a majority after a restart. */
    public static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);
    private static final String HOST = "127.0.0.1";
    private static final Duration HEALTH_INTERVAL = Duration.ofMillis(200);
    private static final Duration PROBE_TIMEOUT = Duration.ofMillis(500);
    private static final ZkSuperUser SUPER_USER = ZkSuperUser.generate();

    private final Path dataDir;
    private final ZkTuning tuning;
    private final Duration sessionTimeout;
    private final Clock clock = Clock.systemUTC();
    private final FreePorts ports = new FreePorts(InetAddress.getLoopbackAddress());
    private final List<EmbeddedController> controllers = new CopyOnWriteArrayList<>();
    private final Object steps = new Object();
    /** Server ids are never reused: a removed controller's id stays retired, as ZooKeeper's do. */
    private int lastServerId;
    private volatile boolean closed;
    /** Each controller's transport, asked when it starts (and restarts); plaintext until {@link #secure}. */
    private volatile Function<ControllerId, TransportSecurity> security = id -> TransportSecurity.plaintext();
    /** The ZooKeeper links of every peer and node; plaintext until {@link #secure}. Fixed once a peer runs. */
    private volatile ZkSecurity zooKeeper = ZkSecurity.plaintext();

    private EmbeddedControllerCluster(Path dataDir, ZkTuning tuning, Duration sessionTimeout) {
        this.dataDir = dataDir;
        this.tuning = tuning;
        this.sessionTimeout = sessionTimeout;
    }

    /**
     * Starts a new cluster of {@code nodes} controllers, one after the other.
     *
     * @param dataDir        a directory for the controllers' peers; must not hold an earlier cluster
     * @param tuning         the ZooKeeper timing of every peer
     * @param sessionTimeout each node's ZooKeeper session timeout: how long a dead node keeps its
     *                       slices; must lie within the session timeouts {@code tuning} grants
     */
    public static EmbeddedControllerCluster start(int nodes, Path dataDir, ZkTuning tuning, Duration sessionTimeout)
            throws IOException, InterruptedException, TimeoutException {
        if (nodes < 1) {
            throw new InvalidValueException("nodes", nodes, "must be 1 or more");
        }
        EmbeddedControllerCluster cluster = empty(dataDir, tuning, sessionTimeout);
        LOG.info("Starting an embedded controller cluster of {} nodes in {}", nodes, dataDir.toAbsolutePath());
        try {
            for (int i = 0; i < nodes; i++) {
                cluster.addNode();
            }
            return cluster;
        } catch (IOException | InterruptedException | TimeoutException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /**
     * A cluster with no controller yet, for a manager that deploys controllers one at a time: the
     * first {@link #addNode()} bootstraps it. Same arguments as {@link #start}.
     */
    public static EmbeddedControllerCluster empty(Path dataDir, ZkTuning tuning, Duration sessionTimeout)
            throws IOException {
        Objects.requireNonNull(tuning, "tuning");
        if (sessionTimeout.compareTo(tuning.minSessionTimeout()) < 0
                || sessionTimeout.compareTo(tuning.maxSessionTimeout()) > 0) {
            throw new InvalidValueException("sessionTimeout", sessionTimeout, "must lie between "
                    + tuning.minSessionTimeout() + " and " + tuning.maxSessionTimeout()
                    + ", the session timeouts the ZooKeeper peers grant");
        }
        requireNoEarlierCluster(dataDir);
        // Before any peer of this JVM starts: ZooKeeper freezes the trusted digest with the first.
        SUPER_USER.installOnServers();
        return new EmbeddedControllerCluster(dataDir, tuning, sessionTimeout);
    }

    /**
     * Runs every controller with the transport {@code security} gives it, and their ZooKeeper
     * with TLS among controllers under {@code zooKeeper}'s certificate: the manager hands out both
     * from its authority before it deploys the first controller. The peers share this JVM and so
     * present the one certificate ({@link org.netweave.controller.zk.ZkServerTls}).
     *
     * @throws IllegalStateException once a controller was added: peers of one ensemble cannot
     *     speak TLS and plaintext to each other
     */
    public void secure(Function<ControllerId, TransportSecurity> security, PeerGroupTls zooKeeper) throws IOException {
        synchronized (steps) {
            if (!controllers.isEmpty()) {
                throw new IllegalStateException("the cluster already has controllers " + ids()
                        + "; secure it before the first is added");
            }
            this.security = Objects.requireNonNull(security, "security");
            this.zooKeeper = ZkSecurity.tls(zooKeeper, dataDir.resolve("zookeeper-tls"));
            LOG.info("ZooKeeper quorum, election and client links: TLS among controllers, as {}",
                    zooKeeper.own().identity());
        }
    }

    private static void requireNoEarlierCluster(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        try (Stream<Path> entries = Files.list(dataDir)) {
            List<String> earlier = entries.map(entry -> entry.getFileName().toString())
                    .filter(name -> name.startsWith("controller-")).sorted().toList();
            if (!earlier.isEmpty()) {
                throw new InvalidValueException("dataDir", dataDir.toString(), "already holds controllers " + earlier
                        + "; a new cluster needs an empty directory");
            }
        }
    }

    /**
     * Adds the next controller: the admin call "propose node id and address". Its peer joins
     * through the running controllers, and the call returns once it votes and its node runs.
     *
     * @throws IllegalStateException if the running controllers have no majority to accept it
     * @throws TimeoutException if the ensemble did not take the node within {@link #STEP_TIMEOUT}
     */
    public ControllerNode addNode() throws IOException, InterruptedException, TimeoutException {
        synchronized (steps) {
            return addNode(ControllerId.of("controller-" + (lastServerId + 1)));
        }
    }

    /**
     * {@link #addNode()} with the id the caller chose (the manager names controllers itself).
     *
     * @throws IllegalStateException if a controller of that id exists
     */
    public ControllerNode addNode(ControllerId id) throws IOException, InterruptedException, TimeoutException {
        synchronized (steps) {
            requireOpen();
            if (controllers.stream().anyMatch(controller -> controller.spec.id().equals(id))) {
                throw new IllegalStateException(id + " is already in this cluster");
            }
            int serverId = ++lastServerId;
            List<Integer> free = ports.take(4);
            EmbeddedController controller = new EmbeddedController(
                    new PeerSpec(id, serverId, HOST, free.get(0), free.get(1), free.get(2)), free.get(3),
                    dataDir.resolve(id.value()));
            LOG.info("{}: ZooKeeper server {} (client {}, quorum {}, election {}); hosts will connect to {}", id,
                    serverId, controller.spec.clientPort(), controller.spec.quorumPort(),
                    controller.spec.electionPort(), controller.hostAddress());
            if (controllers.isEmpty()) {
                LOG.info("{}: first controller: its peer starts alone and leads", id);
                controller.peer = bootstrap("starting the first controller",
                        () -> ClusterBootstrap.startFirst(controller.spec, controller.dir, tuning, SUPER_USER,
                                zooKeeper, STEP_TIMEOUT));
            } else {
                List<EmbeddedController> serving = serving(controller);
                if (serving.isEmpty()) {
                    throw new IllegalStateException("Cannot add " + id + ": no running controller is part of a "
                            + "majority; restart the stopped controllers first");
                }
                LOG.info("{}: proposing node id and address {} to the cluster through {}", id,
                        controller.spec.serverValue(), serving);
                controller.peer = bootstrap("adding " + id, () -> ClusterBootstrap.join(controller.spec,
                        connectString(serving), controller.dir, tuning, SUPER_USER, zooKeeper, STEP_TIMEOUT));
            }
            controllers.add(controller);
            startNode(controller);
            // Every node's status remembers the membership it last read, for when it is cut off
            // from the majority and cannot read it; after a join that is the new membership.
            for (EmbeddedController running : controllers) {
                if (running.status != null && running.node != null) {
                    running.status.membership();
                }
            }
            logShape();
            return controller.node;
        }
    }

    /**
     * Kills a running controller: its ZooKeeper peer stops first, then its node vanishes without
     * closing its session or its host streams, as a controller VM that loses power does. The other
     * nodes notice once the session times out.
     */
    public void kill(ControllerId id) {
        synchronized (steps) {
            requireOpen();
            EmbeddedController controller = controller(id);
            if (controller.peer == null) {
                throw new IllegalStateException(id + " is not running");
            }
            LOG.info("{}: killing: its ZooKeeper peer stops, then the node vanishes without a goodbye; "
                    + "the others notice when its session times out ({} ms)", id, sessionTimeout.toMillis());
            ControllerNode node = controller.node;
            controller.node = null;
            controller.status = null;
            controller.peer.close();
            controller.peer = null;
            if (node != null) {
                node.crash();
            }
            LOG.info("{}: killed", id);
        }
    }

    /**
     * Restarts a killed controller on its directory and ports, with the same id. While other
     * controllers serve, its peer rejoins through them ({@link ClusterBootstrap#join}: it starts
     * from its committed membership, and the proposal only confirms its name). When none serves,
     * the cluster has lost its majority and nobody could answer a proposal; the peer then starts
     * from its committed membership alone and the call waits until it is back in a majority.
     *
     * @throws TimeoutException if no majority formed within {@link #STEP_TIMEOUT}; the peer keeps
     *     running, so restart another controller and then call this again to start the node
     */
    public ControllerNode restart(ControllerId id) throws IOException, InterruptedException, TimeoutException {
        synchronized (steps) {
            requireOpen();
            EmbeddedController controller = controller(id);
            if (controller.isUp()) {
                throw new IllegalStateException(id + " is running; kill it before restarting it");
            }
            if (controller.peer == null) {
                controller.peer = startPeerAgain(controller);
            }
            awaitServing(controller);
            startNode(controller);
            logShape();
            return controller.node;
        }
    }

    /**
     * The peer half of {@link #restart}: rejoin through the serving controllers, or start alone
     * from the committed membership.
     */
    private EmbeddedZooKeeperPeer startPeerAgain(EmbeddedController controller)
            throws IOException, InterruptedException, TimeoutException {
        ControllerId id = controller.spec.id();
        List<EmbeddedController> serving = serving(controller);
        if (!serving.isEmpty()) {
            LOG.info("{}: restarting; its peer starts from {} and rejoins through {}", id, controller.dir, serving);
            return bootstrap("rejoining " + id, () -> ClusterBootstrap.join(controller.spec, connectString(serving),
                    controller.dir, tuning, SUPER_USER, zooKeeper, STEP_TIMEOUT));
        }
        if (controllers.size() == 1) {
            LOG.info("{}: restarting the only controller; its peer starts from its committed membership and leads "
                    + "alone again", id);
        } else {
            LOG.warn("{}: restarting while no other controller serves (the cluster has no majority): its peer starts "
                    + "from its committed membership and waits for a majority", id);
        }
        return EmbeddedZooKeeperPeer.start(controller.spec, specs(), controller.dir, tuning, SUPER_USER, zooKeeper);
    }

    /**
     * Removes a controller for good (NSX's "delete controller"): the ensemble drops its peer by
     * reconfiguration through a member that stays, then its node closes, handing its slices to the
     * others, and its peer stops. The last controller can only be removed with {@code force}, which
     * leaves no control plane.
     *
     * @throws IllegalStateException if the others have no majority to agree to the removal, or the
     *     controller is the last and {@code force} is false
     */
    public void remove(ControllerId id, boolean force) throws IOException, InterruptedException, TimeoutException {
        synchronized (steps) {
            requireOpen();
            EmbeddedController controller = controller(id);
            if (controllers.size() == 1 && !force) {
                throw new IllegalStateException(id + " is the last controller; removing it leaves no control plane "
                        + "(force the removal to do it anyway)");
            }
            if (controllers.size() > 1) {
                List<EmbeddedController> serving = serving(controller);
                if (serving.isEmpty()) {
                    throw new IllegalStateException("Cannot remove " + id + ": no other running controller is part "
                            + "of a majority to agree to it");
                }
                LOG.info("{}: removing from the ensemble through {}", id, serving);
                try (EnsembleAdmin admin = EnsembleAdmin.connect(connectString(serving), SUPER_USER, zooKeeper, STEP_TIMEOUT)) {
                    admin.removeNode(id);
                } catch (KeeperException e) {
                    throw new IOException("removing " + id + " failed: ZooKeeper answered " + e.code(), e);
                }
            }
            ControllerNode node = controller.node;
            controller.node = null;
            controller.status = null;
            if (node != null) {
                node.close();
            }
            EmbeddedZooKeeperPeer peer = controller.peer;
            controller.peer = null;
            if (peer != null) {
                peer.close();
            }
            controllers.remove(controller);
            LOG.info("{}: removed", id);
            if (!controllers.isEmpty()) {
                logShape();
            }
        }
    }

    /** The running nodes, in the order they were added. */
    public List<ControllerNode> nodes() {
        return controllers.stream().map(controller -> controller.node).filter(Objects::nonNull).toList();
    }

    /** Every controller ever added, up or down, in the order they were added. */
    public List<ControllerId> ids() {
        return controllers.stream().map(controller -> controller.spec.id()).toList();
    }

    /**
     * The running node {@code id}. A restart makes a new node object, so ask again after one.
     *
     * @throws NoSuchElementException if no such controller was added
     * @throws IllegalStateException if it is down
     */
    public ControllerNode node(ControllerId id) {
        ControllerNode node = controller(id).node;
        if (node == null) {
            throw new IllegalStateException(id + " is not running");
        }
        return node;
    }

    /** Whether controller {@code id}'s node runs. */
    public boolean isUp(ControllerId id) {
        return controller(id).isUp();
    }

    /** The embedded ZooKeeper peer of controller {@code id}, while it runs. */
    public EmbeddedZooKeeperPeer peer(ControllerId id) {
        EmbeddedZooKeeperPeer peer = controller(id).peer;
        if (peer == null) {
            throw new IllegalStateException(id + "'s ZooKeeper peer is not running");
        }
        return peer;
    }

    /** The status views of the running node {@code id}; a restart makes a new one. */
    public ControllerStatusService status(ControllerId id) {
        ControllerStatusService status = controller(id).status;
        if (status == null) {
            throw new IllegalStateException(id + " is not running");
        }
        return status;
    }

    /**
     * The controller list hosts are given ({@code host:port}, in the order controllers were
     * added): every controller, up or down, as NSX Manager lists every controller to netcpa.
     * Hosts learn which one owns what from the assignment, and find dead ones by connecting.
     */
    public List<String> hostAddresses() {
        return controllers.stream().map(EmbeddedController::hostAddress).toList();
    }

    /** Stops every node, then every peer, newest first. Idempotent. */
    @Override
    public void close() {
        synchronized (steps) {
            if (closed) {
                return;
            }
            closed = true;
            LOG.info("Stopping the embedded controller cluster");
            // Nodes first, while the ensemble still has its majority, so their sessions close cleanly.
            for (EmbeddedController controller : controllers.reversed()) {
                ControllerNode node = controller.node;
                controller.node = null;
                controller.status = null;
                if (node != null) {
                    node.close();
                }
            }
            for (EmbeddedController controller : controllers.reversed()) {
                EmbeddedZooKeeperPeer peer = controller.peer;
                controller.peer = null;
                if (peer != null) {
                    peer.close();
                }
            }
        }
    }

    private void startNode(EmbeddedController controller) throws IOException {
        ControllerId id = controller.spec.id();
        EmbeddedZooKeeperPeer peer = controller.peer;
        ControllerNode node = new ControllerNode(new ControllerNodeConfig(id, HOST, controller.hostPort,
                peer.connectString(), sessionTimeout, HEALTH_INTERVAL, SliceSpace.DEFAULT, ControllerNodeConfig.CLAIM_GRACE,
                security.apply(id), zooKeeper), clock);
        try {
            node.start();
        } catch (Exception e) {
            node.close();
            throw new IOException(id + ": the controller node did not start on its peer " + peer.connectString()
                    + "; the peer keeps running, so restart(" + id + ") tries the node again", e);
        }
        controller.status = new ControllerStatusService(node, peer, ZoneId.systemDefault());
        controller.node = node;
        LOG.info("{}: controller node up; ZooKeeper {} ({}), hosts connect to {}", id, peer.connectString(),
                peer.mode().name().toLowerCase(Locale.ROOT), node.hostAddress());
    }

    /** Waits until the peer is part of a majority; a peer that restarted alone needs another member back. */
    private void awaitServing(EmbeddedController controller) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        while (!controller.peer.mode().isServing()) {
            if (System.nanoTime() - deadline >= 0) {
                throw new TimeoutException(controller + "'s peer runs but found no majority within " + STEP_TIMEOUT
                        + "; restart another controller, then restart " + controller + " again to start its node");
            }
            Thread.sleep(100);
        }
    }

    /** The running controllers other than {@code except} whose peers serve, that is, are in a majority. */
    private List<EmbeddedController> serving(EmbeddedController except) {
        return controllers.stream()
                .filter(controller -> controller != except && controller.peer != null)
                .filter(controller -> PeerProbe.mode(controller.spec, PROBE_TIMEOUT, zooKeeper).isServing())
                .toList();
    }

    private List<PeerSpec> specs() {
        return controllers.stream().map(controller -> controller.spec).toList();
    }

    private static String connectString(List<EmbeddedController> controllers) {
        return controllers.stream().map(controller -> controller.spec.clientAddress()).collect(Collectors.joining(","));
    }

    /** Says what the cluster can survive now, in seed 002's terms. */
    private void logShape() {
        int members = controllers.size();
        long up = controllers.stream().filter(EmbeddedController::isUp).count();
        switch (members) {
            case 1 -> LOG.info("Cluster: 1 controller; it becomes master of every role, and no failure is tolerated");
            case 2 -> LOG.warn("Cluster: 2 controllers ({} up), the even special case: the majority of two is two, "
                    + "so no failure is tolerated; add a third", up);
            default -> LOG.info("Cluster: {} controllers ({} up); a majority needs {}, so it tolerates {} failure(s) "
                    + "at a time", members, up, members / 2 + 1, (members - 1) / 2);
        }
    }

    private EmbeddedController controller(ControllerId id) {
        return controllers.stream().filter(controller -> controller.spec.id().equals(id)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("No controller " + id + " in this cluster; it has "
                        + ids()));
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("The embedded controller cluster is closed");
        }
    }

    @FunctionalInterface
    private interface BootstrapStep {
        EmbeddedZooKeeperPeer run() throws IOException, KeeperException, InterruptedException, TimeoutException;
    }

    /** Runs a bootstrap step, turning a ZooKeeper refusal into an I/O failure that names the step. */
    private static EmbeddedZooKeeperPeer bootstrap(String what, BootstrapStep step)
            throws IOException, InterruptedException, TimeoutException {
        try {
            return step.run();
        } catch (KeeperException e) {
            throw new IOException(what + " failed: ZooKeeper answered " + e.code(), e);
        }
    }
}
