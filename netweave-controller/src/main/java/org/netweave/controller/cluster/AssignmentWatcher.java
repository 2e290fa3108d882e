package org.netweave.controller.cluster;

import java.io.Closeable;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.netweave.controller.slice.Role;
import org.netweave.controller.slice.SliceAssignment;

/**
 * Every node's view of the published assignments, kept current by a {@link CuratorCache} over
 * the roles subtree. Listeners get each new assignment on the executor given to the constructor.
 */
public final class AssignmentWatcher implements Closeable {
    private final CuratorCache cache;
    private final Map<Role, VersionedAssignment> current = new EnumMap<>(Role.class);

    /** An assignment with the znode version it was read at, for fenced writes. */
    public record VersionedAssignment(SliceAssignment assignment, int zkVersion) {
        /**
         * A rewrite with the same epoch (only an operator or a test does that) still moves the
         * version, and fenced writes must carry the newest version, so it counts as newer.
         */
        boolean newerThan(VersionedAssignment other) {
            return assignment.epoch() > other.assignment.epoch()
                    || assignment.epoch() == other.assignment.epoch() && zkVersion > other.zkVersion;
        }
    }

    public AssignmentWatcher(CuratorFramework client, Executor executor, Consumer<SliceAssignment> listener) {
        this.cache = CuratorCache.build(client, ZkLayout.ROOT + "/roles");
        for (Role role : Role.values()) {
            current.put(role, new VersionedAssignment(SliceAssignment.none(role), -1));
        }
        cache.listenable().addListener(CuratorCacheListener.builder()
                .forCreatesAndChanges((before, after) -> accept(after, listener))
                .build(), executor);
    }

    public void start() {
        cache.start();
    }

    private void accept(ChildData data, Consumer<SliceAssignment> listener) {
        for (Role role : Role.values()) {
            if (data.getPath().equals(ZkLayout.assignment(role))) {
                SliceAssignment assignment = AssignmentCodec.decode(data.getData());
                if (offer(new VersionedAssignment(assignment, data.getStat().getVersion()))) {
                    listener.accept(assignment);
                }
            }
        }
    }

    public synchronized VersionedAssignment current(Role role) {
        return current.get(role);
    }

    /**
     * Records an assignment if it is newer than the one held: from the cache, or read directly
     * from ZooKeeper (after a reconnect or a fenced-out write the cache may still be catching up).
     */
    public synchronized boolean offer(VersionedAssignment read) {
        Role role = read.assignment().role();
        if (read.newerThan(current.get(role))) {
            current.put(role, read);
            return true;
        }
        return false;
    }

    @Override
    public void close() {
        cache.close();
    }
}
