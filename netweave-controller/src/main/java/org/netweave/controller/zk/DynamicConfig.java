package org.netweave.controller.zk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.netweave.model.ControllerId;

/**
 * ZooKeeper's dynamic configuration, the list of voting servers, as text.
 *
 * <p>The same text appears in three places: the dynamic config file a peer starts from (without a
 * {@code version} line: ZooKeeper takes the version from the file name and rejects it inside),
 * the {@code reconfig} call, and the data of {@code /zookeeper/config} (with {@code version=<hex>},
 * the zxid that committed it). Parsing and rendering are pure so they can be tested on their own.
 *
 * <p>ZooKeeper's config names servers only by number, so parsing asks the caller for the
 * controller id of each server id. Observers are skipped: Netweave never adds them, every
 * controller votes.
 *
 * @param version the config version (0 for a config no ensemble has committed yet)
 * @param participants the voting members, ordered by server id
 */
public record DynamicConfig(long version, List<PeerSpec> participants) {
    public DynamicConfig {
        participants = participants.stream().sorted(Comparator.comparingInt(PeerSpec::serverId)).toList();
    }

    /** The server ids of the voting members. */
    public Set<Integer> serverIds() {
        return participants.stream().map(PeerSpec::serverId).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The file form: one {@code server.N=...} line per member and no version line. */
    public String render() {
        return participants.stream().map(PeerSpec::serverLine).collect(Collectors.joining("\n", "", "\n"));
    }

    /**
     * Parses {@code /zookeeper/config} data or a dynamic config file.
     *
     * @throws IllegalArgumentException if a line is not a {@code server.N} or {@code version} line
     *     in the single-address form Netweave writes
     */
    public static DynamicConfig parse(String text, IntFunction<ControllerId> names) {
        long version = 0;
        List<PeerSpec> participants = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("Not a ZooKeeper config line: " + line);
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (key.equals("version")) {
                version = Long.parseUnsignedLong(value, 16);
            } else if (key.startsWith("server.")) {
                int serverId = Integer.parseInt(key.substring("server.".length()));
                PeerSpec peer = parseServer(serverId, value, names);
                if (peer != null) {
                    participants.add(peer);
                }
            } else {
                throw new IllegalArgumentException("Unexpected key in ZooKeeper dynamic config: " + line);
            }
        }
        return new DynamicConfig(version, participants);
    }

    /** Parses {@code host:quorum:election[:role];[clientHost:]clientPort}; null for an observer. */
    private static PeerSpec parseServer(int serverId, String value, IntFunction<ControllerId> names) {
        if (value.contains("|")) {
            throw new IllegalArgumentException("Multi-address servers are not supported: server." + serverId);
        }
        int semicolon = value.indexOf(';');
        if (semicolon < 0) {
            throw new IllegalArgumentException("server." + serverId + " has no client port: " + value);
        }
        String server = value.substring(0, semicolon);
        String client = value.substring(semicolon + 1);
        String host;
        String rest;
        if (server.startsWith("[")) {
            int close = server.indexOf(']');
            host = server.substring(1, close);
            rest = server.substring(close + 2);
        } else {
            int colon = server.indexOf(':');
            host = server.substring(0, colon);
            rest = server.substring(colon + 1);
        }
        String[] ports = rest.split(":");
        if (ports.length < 2 || ports.length > 3) {
            throw new IllegalArgumentException("server." + serverId + " is not host:quorum:election[:role]: " + value);
        }
        if (ports.length == 3 && ports[2].equals("observer")) {
            return null;
        }
        int clientPort = Integer.parseInt(client.substring(client.lastIndexOf(':') + 1));
        return new PeerSpec(names.apply(serverId), serverId, host, clientPort,
                Integer.parseInt(ports[0]), Integer.parseInt(ports[1]));
    }
}
