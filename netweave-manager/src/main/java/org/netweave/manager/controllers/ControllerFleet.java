package org.netweave.manager.controllers;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.netweave.model.ControllerId;
import org.netweave.pki.PeerGroupTls;
import org.netweave.pki.TransportSecurity;

/**
 * Where controller nodes come from: the manager deploys and removes them through this. The
 * embedded fleet runs them in the manager's JVM (the all-in-one mode); a fleet of separate
 * processes or VMs can stand in its place.
 */
public interface ControllerFleet extends Closeable {
    /**
     * The transport each controller started from now on serves hosts, the manager and control VMs
     * with (its certificate from the manager's authority), and the TLS of the ZooKeeper ensemble
     * the fleet runs for them, asked for only by a fleet that runs one. A fleet that runs
     * elsewhere has its controllers' certificates where they run, and ignores both.
     */
    default void secure(Function<ControllerId, TransportSecurity> security, Supplier<PeerGroupTls> zooKeeper)
            throws IOException {
    }

    /**
     * Starts controller {@code id} with its ZooKeeper peer. The first bootstraps the cluster alone;
     * the next ones join it by reconfiguration (seed 002). Returns the address hosts use for it.
     */
    String deploy(ControllerId id) throws Exception;

    /** Takes controller {@code id} out of the cluster and stops it; the last one only with {@code force}. */
    void remove(ControllerId id, boolean force) throws Exception;

    /** Whether {@code id} is part of the fleet now. */
    boolean contains(ControllerId id);

    /** Every controller of the fleet, in the order they were deployed. */
    List<ControllerId> ids();

    /** The host-facing address of {@code id}. */
    Optional<String> address(ControllerId id);

    /** What the node says about itself, while it runs. */
    Optional<ControllerRuntime> runtime(ControllerId id);

    /**
     * What the node's own CLI prints for {@code show control-cluster <view>} (status, roles,
     * startup-nodes); empty when the manager cannot ask it (not running, or run elsewhere).
     */
    default Optional<String> show(ControllerId id, String view) {
        return Optional.empty();
    }

    /**
     * Crashes the node and its ZooKeeper peer as a power failure would (the lab mode's "controller
     * stop"); the others take its slices after the session timeout.
     *
     * @throws UnsupportedOperationException when the fleet's nodes run elsewhere
     */
    default void stop(ControllerId id) throws Exception {
        throw new UnsupportedOperationException("this manager's controllers run outside it; stop " + id + " where it runs");
    }

    /** Starts a stopped node again on its data. */
    default void restart(ControllerId id) throws Exception {
        throw new UnsupportedOperationException("this manager's controllers run outside it; start " + id + " where it runs");
    }

    /** The host-facing gRPC addresses of every controller of the fleet, up or down. */
    List<String> addresses();

    @Override
    void close();
}
