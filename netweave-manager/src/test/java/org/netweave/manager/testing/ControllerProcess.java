package org.netweave.manager.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

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
import org.netweave.pki.CertificateAuthority;
import org.netweave.pki.ComponentIdentity;
import org.netweave.pki.Credentials;
import org.netweave.pki.PeerGroupTls;
import org.netweave.pki.TransportSecurity;

/**
 * One controller in a process of its own, its ZooKeeper peer inside it, so a test can kill it
 * with SIGKILL as a controller VM loses power. It presents its own certificate on every link,
 * ZooKeeper's included, read from the authority's directory (the test issued it beforehand).
 *
 * <p>Arguments: authority directory, data directory, super user secret, how to start ({@code
 * first}: alone, leading; {@code join}: through the other peers, which run; {@code restart}: from
 * its directory's committed membership), this controller's index (1-based) into the peers, then
 * every peer as {@code serverId=controllerId@clientPort:quorumPort:electionPort:hostPort}.
 */
public final class ControllerProcess {
    /** What the process prints once its node serves hosts. */
    public static final String UP = "CONTROLLER UP";
    public static final ZkTuning TUNING = ZkTuning.ofTick(Duration.ofMillis(200));
    public static final Duration SESSION_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);

    /** One peer of the ensemble: its ZooKeeper ports and the port hosts use. */
    public record Peer(PeerSpec spec, int hostPort) {
        String argument() {
            return spec.serverId() + "=" + spec.id().value() + "@" + spec.clientPort() + ":" + spec.quorumPort() + ":"
                    + spec.electionPort() + ":" + hostPort;
        }

        static Peer parse(String argument) {
            String[] idAndRest = argument.split("=", 2);
            String[] nameAndPorts = idAndRest[1].split("@", 2);
            String[] ports = nameAndPorts[1].split(":");
            return new Peer(new PeerSpec(ControllerId.of(nameAndPorts[0]), Integer.parseInt(idAndRest[0]), "127.0.0.1",
                    Integer.parseInt(ports[0]), Integer.parseInt(ports[1]), Integer.parseInt(ports[2])),
                    Integer.parseInt(ports[3]));
        }

        public String hostAddress() {
            return "127.0.0.1:" + hostPort;
        }
    }

    private ControllerProcess() {
    }

    public static void main(String[] args) throws Exception {
        CertificateAuthority authority = CertificateAuthority.openOrCreate(Path.of(args[0]));
        Path dataDir = Path.of(args[1]);
        ZkSuperUser superUser = ZkSuperUser.withPassword(args[2]);
        String mode = args[3];
        int self = Integer.parseInt(args[4]) - 1;
        List<Peer> peers = new ArrayList<>();
        for (int i = 5; i < args.length; i++) {
            peers.add(Peer.parse(args[i]));
        }
        Peer own = peers.get(self);
        ControllerId id = own.spec().id();
        Credentials credentials = authority.credentialsFor(ComponentIdentity.controller(id));
        // Each controller presents its own certificate to ZooKeeper too, and the ensemble's
        // members are exactly its controllers.
        List<X509Certificate> members = peers.stream().map(peer -> authority.credentialsFor(
                ComponentIdentity.controller(peer.spec().id())).certificate()).toList();
        ZkSecurity zooKeeper = ZkSecurity.tls(new PeerGroupTls(credentials, authority.revocations(), members),
                dataDir.resolve("zookeeper-tls"));
        EmbeddedZooKeeperPeer peer = startPeer(mode, own, peers, dataDir.resolve("peer"), superUser, zooKeeper);
        ControllerNode node = new ControllerNode(new ControllerNodeConfig(id, "127.0.0.1", own.hostPort(),
                peer.connectString(), SESSION_TIMEOUT, Duration.ofMillis(200), SliceSpace.DEFAULT,
                ControllerNodeConfig.CLAIM_GRACE, TransportSecurity.mutualTls(credentials, authority.revocations()),
                zooKeeper), Clock.systemUTC());
        node.start();
        System.out.println(UP);
        new CountDownLatch(1).await();
    }

    private static EmbeddedZooKeeperPeer startPeer(String mode, Peer own, List<Peer> peers, Path dir,
            ZkSuperUser superUser, ZkSecurity zooKeeper) throws Exception {
        ClusterBootstrap.Entry entry = switch (mode) {
            case "first" -> ClusterBootstrap.Entry.FIRST;
            case "join" -> ClusterBootstrap.Entry.JOIN;
            case "restart" -> ClusterBootstrap.Entry.RESTART;
            default -> throw new IllegalArgumentException("mode " + mode + ": first, join or restart");
        };
        return ClusterBootstrap.enter(entry, own.spec(), peers.stream().map(Peer::spec).toList(), dir, TUNING,
                superUser, zooKeeper, STEP_TIMEOUT);
    }

    /** Starts controller {@code index} (1-based) of {@code peers} with this JVM's classpath; output to {@code log}. */
    public static Process launch(Path authority, Path dataDir, String superSecret, String mode, int index,
                                 List<Peer> peers, Path log) throws IOException {
        List<String> command = new ArrayList<>(JavaProcess.command(ControllerProcess.class));
        command.addAll(List.of(authority.toString(), dataDir.toString(), superSecret, mode, String.valueOf(index)));
        peers.forEach(peer -> command.add(peer.argument()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
