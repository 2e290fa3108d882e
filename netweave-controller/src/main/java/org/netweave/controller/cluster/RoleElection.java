package org.netweave.controller.cluster;

import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.netweave.controller.slice.Role;
import org.netweave.model.ControllerId;

/**
 * One Curator {@link LeaderLatch} per role. A latch needs a ZooKeeper quorum to hold, so a node
 * cut off from the majority loses every mastership: loss of majority means no master. Curator's
 * default error policy treats SUSPENDED as lost leadership, which is what we want: a master that
 * cannot reach the quorum must stop publishing before its session could expire.
 */
public final class RoleElection implements Closeable {
    private final Clock clock;
    private final String listenAddress;
    private final Map<Role, LeaderLatch> latches = new EnumMap<>(Role.class);
    private final Map<Role, Instant> lastChanged = new EnumMap<>(Role.class);
    private final Map<Role, Integer> count = new EnumMap<>(Role.class);

    /**
     * @param onChange called with the role whose mastership this node gained (true) or lost (false), on
     *                 {@code executor}
     */
    public RoleElection(CuratorFramework client, ControllerId node, String listenAddress, Clock clock,
                        Executor executor, BiConsumer<Role, Boolean> onChange) {
        this.clock = clock;
        this.listenAddress = listenAddress;
        for (Role role : Role.values()) {
            LeaderLatch latch = new LeaderLatch(client, ZkLayout.latch(role), node.value());
            latch.addListener(new LeaderLatchListener() {
                @Override
                public void isLeader() {
                    changed(role, true);
                    onChange.accept(role, true);
                }

                @Override
                public void notLeader() {
                    changed(role, false);
                    onChange.accept(role, false);
                }
            }, executor);
            latches.put(role, latch);
        }
    }

    public void start() throws Exception {
        for (LeaderLatch latch : latches.values()) {
            latch.start();
        }
    }

    public boolean isMaster(Role role) {
        return latches.get(role).hasLeadership();
    }

    public List<RoleStatus> status() {
        List<RoleStatus> rows = new ArrayList<>();
        synchronized (this) {
            for (Role role : Role.values()) {
                rows.add(new RoleStatus(role, listenAddress, isMaster(role), Optional.ofNullable(lastChanged.get(role)),
                        count.getOrDefault(role, 0)));
            }
        }
        return rows;
    }

    private synchronized void changed(Role role, boolean master) {
        lastChanged.put(role, clock.instant());
        if (master) {
            count.merge(role, 1, Integer::sum);
        }
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (LeaderLatch latch : latches.values()) {
            try {
                latch.close(LeaderLatch.CloseMode.SILENT);
            } catch (IOException | IllegalStateException e) {
                if (first == null && e instanceof IOException io) {
                    first = io;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
