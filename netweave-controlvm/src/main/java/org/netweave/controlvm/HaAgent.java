package org.netweave.controlvm;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import org.netweave.pki.CallerRule;
import org.netweave.pki.ComponentKind;
import org.netweave.pki.PeerIdentity;
import org.netweave.pki.TransportSecurity;
import org.netweave.proto.manager.v1.ControlVmHaGrpc;
import org.netweave.proto.manager.v1.HaBeat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control VM's side of its HA pair's heartbeat: it answers the peer's heartbeats, sends its
 * own every interval, and lets time pass ({@link HaRole#tick}), telling the control VM whenever
 * the role changes. Its timer runs on its own thread; the peer's heartbeats arrive on gRPC's.
 */
final class HaAgent implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HaAgent.class);

    private final String vmId;
    private final TransportSecurity security;
    private final Clock clock;
    private final SerialThread thread;
    private final Consumer<HaRole> changes;
    private final AtomicReference<HaRole> role = new AtomicReference<>();
    private volatile HaSettings settings;
    private Server server;
    private volatile ManagedChannel peer;
    private volatile boolean closed;
    private String peerAddress = "";

    HaAgent(String vmId, TransportSecurity security, Clock clock, SerialThread thread, Consumer<HaRole> changes) {
        this.vmId = vmId;
        this.security = security;
        this.clock = clock;
        this.thread = thread;
        this.changes = changes;
    }

    /** Starts taking heartbeats on a free loopback port; returns {@code host:port}. */
    String start() throws IOException {
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0), security.serverCredentials())
                .addService(ServerInterceptors.intercept(new ControlVmHaGrpc.ControlVmHaImplBase() {
                    @Override
                    public void heartbeat(HaBeat request, StreamObserver<HaBeat> observer) {
                        try {
                            requirePeer(request);
                        } catch (StatusRuntimeException e) {
                            observer.onError(e);
                            return;
                        }
                        HaRole now = update(current -> current == null ? null : current.heard(request, clock.instant()));
                        observer.onNext(now == null ? HaBeat.newBuilder().setVmId(vmId).build() : now.beat());
                        observer.onCompleted();
                    }
                }, security.callers(CallerRule.only(ComponentKind.CONTROL_VM)))).build().start();
        return "127.0.0.1:" + server.getPort();
    }

    /**
     * Only the pair's other VM may beat: its certificate names it, and so does its heartbeat. A
     * heartbeat from any other control VM (a higher term could make this one stand by) is refused.
     */
    private void requirePeer(HaBeat beat) {
        HaSettings current = settings;
        if (current == null || !current.paired() || current.peerVmId().isEmpty()) {
            throw Status.FAILED_PRECONDITION.withDescription(vmId + " has no HA peer").asRuntimeException();
        }
        PeerIdentity.requireNamed(ComponentKind.CONTROL_VM, current.peerVmId());
        if (!beat.getVmId().equals(current.peerVmId())) {
            LOG.atWarn().setMessage("{}: a heartbeat named {}, not the HA peer {}; refused").addArgument(vmId)
                    .addArgument(beat.getVmId()).addArgument(current.peerVmId())
                    .addKeyValue("event", "ha-heartbeat-refused").addKeyValue("vm", vmId).log();
            throw PeerIdentity.denied("heartbeat from " + beat.getVmId() + ", not from the HA peer " + current.peerVmId());
        }
    }

    /** A configuration arrived; the first one with a peer sets the role the manager chose. */
    void configure(HaSettings newSettings, boolean initiallyActive) {
        settings = newSettings;
        if (!newSettings.paired()) {
            return;
        }
        boolean first = role.get() == null;
        update(current -> current == null
                ? HaRole.initial(vmId, initiallyActive, clock.instant(), newSettings.deadTime())
                : current.withDeadTime(newSettings.deadTime()));
        thread.execute(() -> connect(newSettings.peerAddress()));
        if (first) {
            LOG.info("{}: HA pair with {}: starts {}, heartbeat every {} ms, peer dead after {} ms", vmId,
                    newSettings.peerAddress(), initiallyActive ? "active" : "standby", newSettings.interval().toMillis(),
                    newSettings.deadTime().toMillis());
            thread.schedule(this::beat, newSettings.interval());
        }
    }

    /** The current role; null without an HA pair. */
    HaRole role() {
        return role.get();
    }

    private void connect(String address) {
        if (!address.equals(peerAddress)) {
            if (peer != null) {
                peer.shutdownNow();
            }
            peer = Grpc.newChannelBuilder(address, security.channelCredentials(ComponentKind.CONTROL_VM)).build();
            peerAddress = address;
        }
    }

    private void beat() {
        if (closed) {
            return;
        }
        HaSettings current = settings;
        HaRole mine = role.get();
        if (mine != null && peer != null) {
            try {
                HaBeat answer = ControlVmHaGrpc.newBlockingStub(peer)
                        .withDeadlineAfter(current.interval().toMillis(), TimeUnit.MILLISECONDS).heartbeat(mine.beat());
                // Only the peer's answer counts (its certificate was checked as a control VM's).
                if (answer.getVmId().equals(current.peerVmId()) && answer.getTerm() > 0) {
                    update(r -> r.heard(answer, clock.instant()));
                }
            } catch (StatusRuntimeException silent) {
                LOG.debug("{}: no answer from the HA peer: {}", vmId, silent.getStatus());
            }
        }
        if (closed) {
            return;
        }
        update(r -> r == null ? null : r.tick(clock.instant()));
        thread.schedule(this::beat, current.interval());
    }

    /** Applies a change and tells the control VM when the role (active or term) changed. */
    private HaRole update(java.util.function.UnaryOperator<HaRole> change) {
        HaRole before;
        HaRole after;
        do {
            before = role.get();
            after = change.apply(before);
        } while (!role.compareAndSet(before, after));
        // The first role comes with a configuration, which the publisher handles itself; a closing
        // control VM takes over nothing.
        if (!closed && before != null && after != null && (before.active() != after.active() || before.term() != after.term())) {
            String ha = after.active() ? "ACTIVE" : "STANDBY";
            LOG.atInfo().setMessage("{}: HA role {} (term {}){}").addArgument(vmId).addArgument(ha)
                    .addArgument(after.term()).addArgument(after.active() ? ": the peer was silent for "
                            + after.deadTime().toMillis() + " ms, taking over" : ": the peer is active with a higher term")
                    .addKeyValue("event", "ha-role-changed").addKeyValue("vm", vmId).addKeyValue("role", ha)
                    .addKeyValue("term", after.term()).log();
            changes.accept(after);
        }
        return after;
    }

    @Override
    public void close() {
        closed = true;
        if (server != null) {
            server.shutdownNow();
        }
        ManagedChannel channel = peer;
        if (channel != null) {
            channel.shutdownNow();
        }
    }
}
