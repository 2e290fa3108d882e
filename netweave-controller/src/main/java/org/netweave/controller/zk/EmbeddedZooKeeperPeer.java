package org.netweave.controller.zk;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.zookeeper.server.embedded.ExitHandler;
import org.apache.zookeeper.server.embedded.ZooKeeperServerEmbedded;
import org.netweave.model.ControllerId;
import org.netweave.model.InvalidValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ZooKeeper quorum peer of one controller, running inside the controller's JVM.
 *
 * <p>It always runs as a quorum peer, even alone ({@code standaloneEnabled=false}): a standalone
 * ZooKeeper server cannot be reconfigured, and the first controller must be able to grow into a
 * cluster. Membership lives in a dynamic config file that ZooKeeper rewrites on every reconfig;
 * which file a start uses is {@link PeerDataDir}'s rule: the latest committed membership that
 * contains this peer, else the bootstrap {@code ensemble}. So a stopped peer restarted from the
 * same directory keeps its data and its membership, whatever ensemble it is handed then.
 *
 * <p>Lifecycle as Curator's {@code LeaderLatch}: {@link State#LATENT} → {@link #start()} →
 * {@link State#STARTED} → {@link #close()} → {@link State#CLOSED}; a closed peer is not started
 * again, a new object is made on the same directory instead. ZooKeeper's exit requests are only
 * logged ({@link ExitHandler#LOG_ONLY}): a controller JVM never exits because its peer failed.
 */
public final class EmbeddedZooKeeperPeer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedZooKeeperPeer.class);

    /** Where the peer is in its lifecycle. */
    public enum State { LATENT, STARTED, CLOSED }

    private final AtomicReference<State> state = new AtomicReference<>(State.LATENT);
    private final Object serverLock = new Object();
    private final PeerSpec self;
    private final List<PeerSpec> ensemble;
    private final Path baseDir;
    private final ZkTuning tuning;
    private final ZkSuperUser superUser;
    private final ZkSecurity security;
    private ZooKeeperServerEmbedded server;

    /**
     * A peer that has not started yet.
     *
     * @param self this controller's peer
     * @param ensemble the bootstrap membership, including {@code self}: only {@code self} for the
     *     first controller, the current members plus {@code self} for a joining one
     * @param baseDir the peer's own directory, kept across restarts
     * @param tuning tick and session timing
     * @param superUser the identity that may reconfigure; the same for every controller
     * @param security TLS on the quorum and client ports, or plaintext; the same for every controller
     */
    public EmbeddedZooKeeperPeer(PeerSpec self, List<PeerSpec> ensemble, Path baseDir, ZkTuning tuning,
            ZkSuperUser superUser, ZkSecurity security) {
        this.self = Objects.requireNonNull(self, "self");
        this.ensemble = List.copyOf(ensemble);
        this.baseDir = Objects.requireNonNull(baseDir, "baseDir");
        this.tuning = Objects.requireNonNull(tuning, "tuning");
        this.superUser = Objects.requireNonNull(superUser, "superUser");
        this.security = Objects.requireNonNull(security, "security");
        checkEnsemble(self, this.ensemble);
    }

    /** Creates and starts a peer; see {@link #EmbeddedZooKeeperPeer} for the parameters. */
    public static EmbeddedZooKeeperPeer start(PeerSpec self, List<PeerSpec> ensemble, Path baseDir, ZkTuning tuning,
            ZkSuperUser superUser, ZkSecurity security) throws IOException {
        EmbeddedZooKeeperPeer peer = new EmbeddedZooKeeperPeer(self, ensemble, baseDir, tuning, superUser, security);
        peer.start();
        return peer;
    }

    /**
     * Starts the peer. It returns once ZooKeeper's threads run, before leader election ends:
     * wait for {@link #mode()} to be serving, or let clients retry.
     *
     * @throws IllegalStateException if the peer was started or closed before
     * @throws IOException if the directory cannot be prepared or ZooKeeper does not start
     */
    public void start() throws IOException {
        if (!state.compareAndSet(State.LATENT, State.STARTED)) {
            throw new IllegalStateException("Cannot be started more than once (state " + state.get() + ")");
        }
        try {
            superUser.installOnServers();
            PeerDataDir dir = PeerDataDir.prepare(baseDir, self);
            Path dynamicConfig = dir.chooseDynamicConfig(ensemble);
            LOG.info("ZooKeeper server {} ({}) starts with members {}", self.serverId(), self.id(),
                    PeerDataDir.read(dynamicConfig).serverIds());
            // Held while ZooKeeper starts, so a concurrent close() waits and then stops what started.
            synchronized (serverLock) {
                if (state.get() != State.STARTED) {
                    return;
                }
                server = ZooKeeperServerEmbedded.builder()
                        .baseDir(dir.baseDir())
                        .configuration(ZkProperties.of(dir.dataDir(), dynamicConfig, tuning, security))
                        .exitHandler(ExitHandler.LOG_ONLY)
                        .build();
                server.start();
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        } catch (Exception e) {
            close();
            throw new IOException("ZooKeeper server " + self.serverId() + " did not start", e);
        }
    }

    /** This controller's peer. */
    public PeerSpec self() {
        return self;
    }

    /** How the peer's links are protected; its clients must match. */
    public ZkSecurity security() {
        return security;
    }

    /** The connect string of this peer alone, for a client that must talk to this controller. */
    public String connectString() {
        return self.clientAddress();
    }

    /** Where the peer is in its lifecycle. */
    public State state() {
        return state.get();
    }

    /** How the peer takes part in the ensemble right now (asks it over its client port). */
    public PeerProbe.Mode mode() {
        return state.get() == State.STARTED ? PeerProbe.mode(self, PeerProbe.DEFAULT_TIMEOUT, security) : PeerProbe.Mode.UNREACHABLE;
    }

    /** Stops the peer; its directory stays for a later start. Idempotent. */
    @Override
    public void close() {
        State previous = state.getAndSet(State.CLOSED);
        if (previous != State.STARTED) {
            return;
        }
        synchronized (serverLock) {
            if (server != null) {
                try {
                    server.close();
                    LOG.info("ZooKeeper server {} ({}) stopped", self.serverId(), self.id());
                } catch (RuntimeException e) {
                    // A server that failed half-way through its start may not close cleanly; it is gone either way.
                    LOG.warn("ZooKeeper server {} did not close cleanly", self.serverId(), e);
                }
                server = null;
            }
        }
    }

    private static void checkEnsemble(PeerSpec self, List<PeerSpec> ensemble) {
        if (!ensemble.contains(self)) {
            throw new InvalidValueException("ensemble", ensemble, "must contain this peer " + self.serverLine());
        }
        Set<Integer> serverIds = new HashSet<>();
        Set<ControllerId> controllerIds = new HashSet<>();
        for (PeerSpec peer : ensemble) {
            if (!serverIds.add(peer.serverId()) || !controllerIds.add(peer.id())) {
                throw new InvalidValueException("ensemble", ensemble, "uses server id " + peer.serverId()
                        + " or controller " + peer.id() + " twice");
            }
        }
    }
}
