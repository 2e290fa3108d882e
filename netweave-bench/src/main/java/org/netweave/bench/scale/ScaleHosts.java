package org.netweave.bench.scale;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Predicate;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import org.netweave.controller.client.ControllerChannels;
import org.netweave.controller.client.HostSession;
import org.netweave.controller.slice.SliceSpace;
import org.netweave.hostagent.HostConfigFollower;
import org.netweave.hostagent.HostSessionFactory;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.pki.ComponentKind;
import org.netweave.pki.TransportSecurity;
import org.netweave.proto.controller.v1.DlrState;

/**
 * One emulated host per host id, all in this JVM: a {@link HostConfigFollower} (the agent's
 * session half: it follows the manager's configuration stream, joins the DLRs at their owners and
 * reports the generation it applied) on virtual threads, each over its own manager channel and
 * controller channels with its own certificate. No datapath: a thousand emulated datapaths do not fit a small heap, and the
 * manager and controllers do the same work either way.
 *
 * <p>The harness reads what each host holds straight from the follower (its applied generation)
 * and from its controller session (the LIFs and routes the DLR owner sent), so a change counts as
 * there the moment the host has it, not at the follower's next 150 ms report.
 */
final class ScaleHosts implements AutoCloseable {
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final List<ManagedChannel> managerChannels = new ArrayList<>();
    private final List<ControllerChannels> controllerChannels = new ArrayList<>();
    private final Map<HostId, HostConfigFollower> followers = new LinkedHashMap<>();
    private final Map<HostId, HostSession> sessions = new ConcurrentHashMap<>();

    /** @param security each host's transport: its own certificate, as a hypervisor of its own would have */
    ScaleHosts(int managerPort, List<String> hosts, Function<HostId, TransportSecurity> security) {
        for (String id : hosts) {
            HostId host = HostId.of(id);
            TransportSecurity transport = security.apply(host);
            ManagedChannel manager = Grpc.newChannelBuilderForAddress("127.0.0.1", managerPort,
                    transport.channelCredentials(ComponentKind.MANAGER)).build();
            ControllerChannels controllers = new ControllerChannels(transport);
            managerChannels.add(manager);
            controllerChannels.add(controllers);
            HostSessionFactory over = HostSessionFactory.over(controllers, SliceSpace.DEFAULT);
            HostSessionFactory recorded = (session, target) -> {
                HostSession opened = over.open(session, target);
                sessions.put(session, opened);
                return opened;
            };
            followers.put(host, new HostConfigFollower(host, manager, recorded));
        }
    }

    ScaleHosts start() {
        followers.values().forEach(HostConfigFollower::start);
        return this;
    }

    long appliedGeneration(HostId host) {
        return followers.get(host).view().appliedGeneration();
    }

    /** The DLR's state as the host's session holds it; the default instance before it has one. */
    DlrState dlr(HostId host, DlrId dlr) {
        HostSession session = sessions.get(host);
        return session == null ? DlrState.getDefaultInstance() : session.dlrStates().getOrDefault(dlr, DlrState.getDefaultInstance());
    }

    /** How many of {@code hosts} hold how many LIFs/routes of {@code dlr}, for a change that did not arrive. */
    String census(List<HostId> hosts, DlrId dlr) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (HostId host : hosts) {
            DlrState state = dlr(host, dlr);
            HostSession session = sessions.get(host);
            String owner = session == null ? "no session" : String.valueOf(session.dlrControllers().get(dlr));
            counts.merge(state.getLifsCount() + "/" + state.getRoutesCount() + " at " + owner, 1, Integer::sum);
        }
        return counts.toString();
    }

    /**
     * Waits until {@code holds} is true of every host of {@code hosts}, checking each host that is
     * not there yet every millisecond; returns when the last one got there.
     *
     * @throws IllegalStateException if some host is not there within {@code atMost}
     */
    long awaitAll(List<HostId> hosts, Predicate<HostId> holds, Duration atMost) {
        List<HostId> waiting = new ArrayList<>(hosts);
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            waiting.removeIf(holds);
            long now = System.nanoTime();
            if (waiting.isEmpty()) {
                return now;
            }
            if (now > deadline) {
                throw new IllegalStateException(waiting.size() + " hosts, " + waiting.getFirst() + " first, not there within " + atMost);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        followers.values().parallelStream().forEach(HostConfigFollower::close);
        controllerChannels.forEach(ControllerChannels::close);
        managerChannels.forEach(ManagedChannel::shutdownNow);
        for (ManagedChannel manager : managerChannels) {
            manager.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
