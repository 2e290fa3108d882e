package org.netweave.controller.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.netweave.controller.slice.Rebalancer;
import org.netweave.controller.slice.Role;
import org.netweave.controller.slice.SliceAssignment;
import org.netweave.controller.slice.SliceMove;
import org.netweave.controller.slice.SliceSpace;
import org.netweave.model.ControllerId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * What a role master does: read the registered nodes, rebalance the role's slices over them and
 * publish the result with the next epoch.
 *
 * <p>The write is a versioned {@code setData} against the assignment it read, so two nodes that
 * both believe they are master (Curator's leadership can briefly overlap, CURATOR-620) cannot
 * overwrite each other's epoch: one of them fails with BadVersion and recomputes from the
 * newer assignment. Both compute the same result from the same inputs anyway, because the
 * rebalancer is deterministic.
 */
public final class AssignmentPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(AssignmentPublisher.class);

    private final CuratorFramework client;
    private final Role role;
    private final SliceSpace space;

    public AssignmentPublisher(CuratorFramework client, Role role, SliceSpace space) {
        this.client = client;
        this.role = role;
        this.space = space;
    }

    /** Publishes a new assignment if the registered nodes changed; returns what is current now. */
    public SliceAssignment publish() throws Exception {
        while (true) {
            Stat stat = new Stat();
            SliceAssignment previous = read(stat);
            SortedMap<ControllerId, String> addresses = new TreeMap<>();
            SortedMap<ControllerId, Long> registrations = new TreeMap<>();
            readRegistrations(addresses, registrations);
            List<ControllerId> owners = Rebalancer.rebalance(space.size(), previous.owners(), addresses.keySet());
            if (owners.equals(previous.owners()) && addresses.equals(previous.addresses())
                    && registrations.equals(previous.registrations())) {
                return previous;
            }
            Set<ControllerId> failed = new TreeSet<>(previous.addresses().keySet());
            failed.removeAll(addresses.keySet());
            SliceAssignment next = new SliceAssignment(role, previous.epoch() + 1, owners, addresses, registrations, failed);
            try {
                write(next, stat);
                LOG.atInfo().setMessage("{} master: published epoch {}: {} (failed: {})")
                        .addArgument(role.cliName()).addArgument(next.epoch()).addArgument(next.sliceCounts())
                        .addArgument(failed.isEmpty() ? "none" : failed)
                        .addKeyValue("event", "assignment-published").addKeyValue("role", role.cliName())
                        .addKeyValue("epoch", next.epoch()).log();
                SliceMove.between(previous, next).forEach(AssignmentPublisher::logMove);
                return next;
            } catch (KeeperException.BadVersionException | KeeperException.NodeExistsException e) {
                LOG.info("{} master: the assignment changed while computing epoch {}; recomputing", role.cliName(), next.epoch());
            }
        }
    }

    /** One line per (from, to) pair: which slices of the role changed owner in this epoch. */
    private static void logMove(SliceMove move) {
        String from = move.from().map(ControllerId::value).orElse("none");
        String to = move.to().map(ControllerId::value).orElse("none");
        LOG.atInfo().setMessage("{} master: {} slice(s) moved from {} to {}").addArgument(move.role().cliName())
                .addArgument(move.slices().size()).addArgument(from).addArgument(to)
                .addKeyValue("event", "slices-moved").addKeyValue("role", move.role().cliName())
                .addKeyValue("epoch", move.epoch()).addKeyValue("from", from).addKeyValue("to", to)
                .addKeyValue("slices", move.ranges()).log();
    }

    private SliceAssignment read(Stat stat) throws Exception {
        try {
            return AssignmentCodec.decode(client.getData().storingStatIn(stat).forPath(ZkLayout.assignment(role)));
        } catch (KeeperException.NoNodeException e) {
            stat.setVersion(-1);
            return SliceAssignment.none(role);
        }
    }

    private void readRegistrations(SortedMap<ControllerId, String> addresses, SortedMap<ControllerId, Long> registrations)
            throws Exception {
        List<String> children;
        try {
            children = new ArrayList<>(client.getChildren().forPath(ZkLayout.SERVING));
        } catch (KeeperException.NoNodeException e) {
            return;
        }
        for (String child : children) {
            Stat stat = new Stat();
            try {
                byte[] data = client.getData().storingStatIn(stat).forPath(ZKPaths.makePath(ZkLayout.SERVING, child));
                ControllerId node = ControllerId.of(child);
                addresses.put(node, new String(data, UTF_8));
                registrations.put(node, stat.getCzxid());
            } catch (KeeperException.NoNodeException e) {
                // The node left between listing and reading: it is simply not live.
            }
        }
    }

    private void write(SliceAssignment next, Stat stat) throws Exception {
        byte[] data = AssignmentCodec.encode(next);
        if (stat.getVersion() < 0) {
            client.create().creatingParentsIfNeeded().forPath(ZkLayout.assignment(role), data);
        } else {
            client.setData().withVersion(stat.getVersion()).forPath(ZkLayout.assignment(role), data);
        }
    }
}
