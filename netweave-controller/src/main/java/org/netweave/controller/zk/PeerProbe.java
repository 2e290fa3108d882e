package org.netweave.controller.zk;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Asks a ZooKeeper server how it takes part in the ensemble, with the {@code srvr} four-letter
 * word on its client port. ZooKeeper always allows {@code srvr}, whatever the command whitelist.
 *
 * <p>A server answers requests only while it is in a quorum (Netweave does not enable read-only
 * mode), so "serving" here means "part of a working majority". That is what NSX's majority and
 * restart status need, and it can be asked without opening a session.
 */
public final class PeerProbe {
    /** The default time to wait for an answer; a live server on a LAN answers in milliseconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);

    /** How a server takes part in the ensemble. */
    public enum Mode {
        LEADER, FOLLOWER, OBSERVER, STANDALONE, NOT_SERVING, UNREACHABLE;

        /** Whether the server answers client requests, which it does only inside a quorum. */
        public boolean isServing() {
            return this == LEADER || this == FOLLOWER || this == OBSERVER || this == STANDALONE;
        }
    }

    private PeerProbe() {
    }

    /** The mode of a plaintext {@code peer}, waiting at most {@link #DEFAULT_TIMEOUT}. */
    public static Mode mode(PeerSpec peer) {
        return mode(peer, DEFAULT_TIMEOUT, ZkSecurity.plaintext());
    }

    /**
     * The mode of {@code peer}, asked with {@code srvr} over its client port the way {@code
     * security} protects it; {@link Mode#UNREACHABLE} if it does not answer within {@code timeout},
     * or refuses the handshake.
     */
    public static Mode mode(PeerSpec peer, Duration timeout, ZkSecurity security) {
        try (Socket socket = security.connect(peer.host(), peer.clientPort(), timeout)) {
            OutputStream out = socket.getOutputStream();
            out.write("srvr".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // The server answers and closes the connection: the reply is everything up to the end.
            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            return parseSrvr(reply);
        } catch (IOException e) {
            return Mode.UNREACHABLE;
        }
    }

    /** The server ids among {@code peers} that are serving, probed one after another. */
    public static Set<Integer> serving(Collection<PeerSpec> peers, Duration timeout, ZkSecurity security) {
        Set<Integer> serving = new TreeSet<>();
        for (PeerSpec peer : peers) {
            if (mode(peer, timeout, security).isServing()) {
                serving.add(peer.serverId());
            }
        }
        return serving;
    }

    /** Reads the {@code Mode:} line of a {@code srvr} reply; any other reply means not serving. */
    static Mode parseSrvr(String reply) {
        for (String line : reply.split("\n")) {
            if (line.startsWith("Mode:")) {
                return switch (line.substring("Mode:".length()).strip().toLowerCase(Locale.ROOT)) {
                    case "leader" -> Mode.LEADER;
                    case "follower" -> Mode.FOLLOWER;
                    case "observer" -> Mode.OBSERVER;
                    case "standalone" -> Mode.STANDALONE;
                    default -> Mode.NOT_SERVING;
                };
            }
        }
        return Mode.NOT_SERVING;
    }
}
