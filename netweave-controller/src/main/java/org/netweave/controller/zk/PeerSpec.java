package org.netweave.controller.zk;

import java.util.Objects;
import java.util.regex.Pattern;
import org.netweave.model.ControllerId;
import org.netweave.model.InvalidValueException;

/**
 * One controller's place in the ZooKeeper ensemble: its controller id, its ZooKeeper server id
 * ({@code myid}) and the three ports ZooKeeper needs.
 *
 * <p>The ports follow NSX's {@code show control-cluster connections}: the client port serves
 * ZooKeeper sessions (NSX 2878), the quorum port carries followers to the leader (NSX 2888), the
 * election port carries leader election (NSX 3888). All three are on {@link #host()}, which must
 * be an address the other controllers can reach, because ZooKeeper gives it to them verbatim.
 *
 * @param id the controller this peer belongs to
 * @param serverId ZooKeeper's server id, 1 or more, unique in the ensemble and never reused
 * @param host host name, IPv4 or IPv6 literal (without brackets)
 * @param clientPort port for ZooKeeper client sessions
 * @param quorumPort port on which a leader accepts followers
 * @param electionPort port for leader election
 */
public record PeerSpec(ControllerId id, int serverId, String host, int clientPort, int quorumPort, int electionPort) {
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    public PeerSpec {
        Objects.requireNonNull(id, "id");
        if (serverId < 1) {
            throw new InvalidValueException("serverId", serverId, "must be 1 or more (ZooKeeper myid)");
        }
        if (host == null || !(HOST_NAME.matcher(host).matches() || IPV6_LITERAL.matcher(host).matches())) {
            throw new InvalidValueException("host", host, "is not a host name, IPv4 or IPv6 address");
        }
        requirePort("clientPort", clientPort);
        requirePort("quorumPort", quorumPort);
        requirePort("electionPort", electionPort);
        if (quorumPort == clientPort) {
            throw new InvalidValueException("quorumPort", quorumPort, "is already the client port");
        }
        if (electionPort == clientPort || electionPort == quorumPort) {
            throw new InvalidValueException("electionPort", electionPort, "is already the client or quorum port");
        }
    }

    /** The key of this peer's line in ZooKeeper's dynamic configuration, {@code server.N}. */
    public String serverKey() {
        return "server." + serverId;
    }

    /**
     * This peer as a line of ZooKeeper's dynamic configuration, the form that both the dynamic
     * config file and {@code reconfig} take: {@code server.N=host:quorum:election:participant;host:client}.
     */
    public String serverLine() {
        return serverKey() + "=" + serverValue();
    }

    /** The value part of {@link #serverLine()}, which is also what {@code /zookeeper/config} holds. */
    public String serverValue() {
        String address = hostForAddress();
        return address + ":" + quorumPort + ":" + electionPort + ":participant;" + address + ":" + clientPort;
    }

    /** The client address in the form ZooKeeper connect strings take, {@code host:port}. */
    public String clientAddress() {
        return hostForAddress() + ":" + clientPort;
    }

    /** IPv6 literals need brackets wherever a port follows them. */
    private String hostForAddress() {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static void requirePort(String field, int port) {
        if (port < 1 || port > 65_535) {
            throw new InvalidValueException(field, port, "is not a TCP port (1-65535)");
        }
    }
}
