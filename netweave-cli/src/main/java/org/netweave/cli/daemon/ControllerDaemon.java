package org.netweave.cli.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.netweave.controller.ControllerNode;
import org.netweave.controller.ControllerNodeConfig;
import org.netweave.controller.slice.SliceSpace;
import org.netweave.controller.zk.ClusterBootstrap;
import org.netweave.controller.zk.EmbeddedZooKeeperPeer;
import org.netweave.controller.zk.PeerSpec;
import org.netweave.controller.zk.ZkSecurity;
import org.netweave.controller.zk.ZkSuperUser;
import org.netweave.controller.zk.ZkTuning;
import org.netweave.model.ControllerId;
import org.netweave.model.InvalidValueException;
import org.netweave.pki.ComponentIdentity;
import org.netweave.pki.CredentialFiles;
import org.netweave.pki.Credentials;
import org.netweave.pki.PeerGroupTls;
import org.netweave.pki.Revocations;
import org.netweave.pki.TransportSecurity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code netweave controller serve}: one controller node as a daemon, with its ZooKeeper peer
 * inside it (the ensemble is the controllers, as in the all-in-one mode) or against an external
 * ZooKeeper ensemble. It presents its own certificate, issued by the manager's authority, on every
 * link: to hosts, the manager and control VMs over gRPC, and to its ZooKeeper peers, which accept
 * only the ensemble's controllers.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run one controller node (and its ZooKeeper peer) as a daemon until SIGTERM (multi-process mode).")
public final class ControllerDaemon implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ControllerDaemon.class);
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration HEALTH_INTERVAL = Duration.ofMillis(200);
    /** Written once the peer is in the ensemble: from then on it restarts from its own membership. */
    private static final String JOINED = "joined";
    /** Digits bounded so that each parses as an int; PeerSpec checks the ranges. */
    private static final java.util.regex.Pattern PEER =
            java.util.regex.Pattern.compile("([0-9]{1,9})=([^@]+)@([^:]+):([0-9]{1,5}):([0-9]{1,5}):([0-9]{1,5})");

    @Option(names = "--id", required = true, description = "This controller's id, as the manager lists it (controller-1).")
    String id;
    @Option(names = "--credentials", required = true,
            description = "Its directory from 'netweave cert issue controller <id>': key, certificate, ca.crt,"
                    + " revoked.txt; with embedded peers also every peer's controller-<id>.crt.")
    Path credentials;
    @Option(names = "--listen", defaultValue = "127.0.0.1:1234", paramLabel = "<host:port>",
            description = "Where hosts, the manager and control VMs reach it (default: ${DEFAULT-VALUE}, NSX-V's netcpa port).")
    String listen;
    @Option(names = "--data-dir", description = "The embedded ZooKeeper peer's data (required with --peer).")
    Path dataDir;
    @Option(names = "--peer", paramLabel = "<n>=<id>@<host>:<client>:<quorum>:<election>",
            description = "Every member of the embedded ensemble, this one included, e.g. 1=controller-1@10.0.0.11:2181:2888:3888.")
    List<String> peers = new ArrayList<>();
    @Option(names = "--join", description = "Join the running ensemble through the other --peer members (not the first controller).")
    boolean join;
    @Option(names = "--zookeeper-secret-file",
            description = "A file with the secret every embedded peer shares for reconfiguring the ensemble (required with --peer).")
    Path secretFile;
    @Option(names = "--zookeeper", paramLabel = "<connect string>",
            description = "An external ZooKeeper ensemble (plaintext, its own network) instead of embedded peers.")
    String externalZooKeeper;
    @Option(names = "--session-timeout", defaultValue = "PT4S",
            description = "How long a dead controller keeps its slices (default: ${DEFAULT-VALUE}).")
    Duration sessionTimeout;
    @Option(names = "--revocations-reload", defaultValue = "PT10S",
            description = "How often revoked.txt in --credentials is read again (default: ${DEFAULT-VALUE}).")
    Duration revocationsReload;
    @Spec
    CommandSpec spec;

    /** A controller node and what runs beside it; closed in reverse. */
    private record Running(ControllerNode node, Optional<EmbeddedZooKeeperPeer> peer, RevocationsReload reload)
            implements AutoCloseable {
        @Override
        public void close() throws Exception {
            try {
                node.close();
            } finally {
                try {
                    if (peer.isPresent()) {
                        peer.get().close();
                    }
                } finally {
                    reload.close();
                }
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        ControllerId self = ControllerId.of(id);
        HostAndPort address = HostAndPort.parse("--listen", listen);
        if ((externalZooKeeper == null) == peers.isEmpty()) {
            throw new InvalidValueException("--zookeeper", externalZooKeeper, "give either --zookeeper or the --peer members");
        }
        if (externalZooKeeper != null && (join || secretFile != null || dataDir != null)) {
            throw new InvalidValueException("--zookeeper", externalZooKeeper,
                    "is an external ensemble: --join, --zookeeper-secret-file and --data-dir are for embedded --peer members");
        }
        // Every option is checked before anything starts: the peers, this controller among them,
        // the data directory and the shared secret.
        List<PeerSpec> ensemble = peers.stream().map(ControllerDaemon::peer).toList();
        if (externalZooKeeper == null) {
            ensemble.stream().filter(spec -> spec.id().equals(self)).findFirst().orElseThrow(
                    () -> new InvalidValueException("--peer", peers, "names no member " + self));
            dataDir();
            if (secretFile == null || !Files.isRegularFile(secretFile)) {
                throw new InvalidValueException("--zookeeper-secret-file", secretFile,
                        "is required with --peer: a file with the secret every peer shares");
            }
        }
        CredentialFiles files = new CredentialFiles(credentials);
        Credentials own = files.read(ComponentIdentity.controller(self));
        Revocations revocations = files.revocations();
        return DaemonLifecycle.run("controller " + id, spec.commandLine().getOut(), () -> {
            RevocationsReload reload = RevocationsReload.every(revocations, revocationsReload, "controller " + id);
            Optional<EmbeddedZooKeeperPeer> peer = Optional.empty();
            ControllerNode node = null;
            try {
                String connectString;
                ZkSecurity zooKeeper;
                if (externalZooKeeper != null) {
                    connectString = externalZooKeeper;
                    zooKeeper = ZkSecurity.plaintext();
                } else {
                    PeerSpec mine = ensemble.stream().filter(spec -> spec.id().equals(self)).findFirst().orElseThrow();
                    // The ensemble's members are exactly its controllers: each pinned by its certificate.
                    List<X509Certificate> members = ensemble.stream()
                            .map(member -> files.certificateOf(ComponentIdentity.controller(member.id()))).toList();
                    zooKeeper = ZkSecurity.tls(new PeerGroupTls(own, revocations, members), dataDir().resolve("zookeeper-tls"));
                    peer = Optional.of(startPeer(mine, ensemble, zooKeeper));
                    connectString = peer.get().connectString();
                }
                node = new ControllerNode(new ControllerNodeConfig(self, address.host(), address.port(),
                        connectString, sessionTimeout, HEALTH_INTERVAL, SliceSpace.DEFAULT,
                        ControllerNodeConfig.CLAIM_GRACE, TransportSecurity.mutualTls(own, revocations), zooKeeper),
                        Clock.systemUTC());
                node.start();
                return new Running(node, peer, reload);
            } catch (Exception | Error e) {
                if (node != null) {
                    node.close();
                }
                if (peer.isPresent()) {
                    peer.get().close();
                }
                reload.close();
                throw e;
            }
        }, running -> "Netweave controller " + id + " is running: hosts reach it on " + running.node().hostAddress());
    }

    private Path dataDir() {
        if (dataDir == null) {
            throw new InvalidValueException("--data-dir", null, "is required with --peer: the ZooKeeper peer's data lives there");
        }
        return dataDir.toAbsolutePath();
    }

    /**
     * The first controller starts alone and leads; the others join through the members running;
     * a controller that was in the ensemble before restarts from the membership it committed.
     */
    private EmbeddedZooKeeperPeer startPeer(PeerSpec mine, List<PeerSpec> ensemble, ZkSecurity zooKeeper) throws Exception {
        ZkSuperUser superUser = ZkSuperUser.withPassword(Files.readString(secretFile).strip());
        Path dir = dataDir();
        Files.createDirectories(dir);
        Path peerDir = dir.resolve("peer");
        boolean joined = Files.exists(dir.resolve(JOINED));
        ClusterBootstrap.Entry entry = joined ? ClusterBootstrap.Entry.RESTART
                : join ? ClusterBootstrap.Entry.JOIN : ClusterBootstrap.Entry.FIRST;
        LOG.info("controller {}: its ZooKeeper peer {}", id, switch (entry) {
            case FIRST -> "starts the ensemble as its first member";
            case JOIN -> "joins the ensemble through the other members";
            case RESTART -> "restarts from the membership it committed";
        });
        EmbeddedZooKeeperPeer peer = ClusterBootstrap.enter(entry, mine, ensemble, peerDir, ZkTuning.defaults(),
                superUser, zooKeeper, STEP_TIMEOUT);
        try {
            Files.writeString(dir.resolve(JOINED), mine.serverId() + "\n");
            return peer;
        } catch (IOException e) {
            peer.close();
            throw e;
        }
    }

    /** {@code n=id@host:client:quorum:election}. */
    static PeerSpec peer(String argument) {
        var matcher = PEER.matcher(argument);
        if (!matcher.matches()) {
            throw new InvalidValueException("--peer", argument, "is not <n>=<id>@<host>:<client>:<quorum>:<election>");
        }
        try {
            return new PeerSpec(ControllerId.of(matcher.group(2)), Integer.parseInt(matcher.group(1)), matcher.group(3),
                    Integer.parseInt(matcher.group(4)), Integer.parseInt(matcher.group(5)), Integer.parseInt(matcher.group(6)));
        } catch (InvalidValueException e) {
            throw new InvalidValueException("--peer", argument, e.getMessage());
        }
    }
}
