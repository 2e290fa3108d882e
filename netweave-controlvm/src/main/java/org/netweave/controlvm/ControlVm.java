package org.netweave.controlvm;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.grpc.Channel;
import io.grpc.Context;
import org.netweave.controller.client.ControllerChannels;
import org.netweave.proto.manager.v1.ControlVmHello;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DLR control VM (NSX-V's DLR control VM, the routing half of a Neutron DVR's SNAT node): after
 * power-on it connects back to the manager, receives its DLR's configuration, turns the routing
 * configuration into a forwarding table by resolving next hops to LIFs, and sends that table to
 * the DLR's owning controller node, never to hosts; the controller hands it to the hosts.
 *
 * <p>Two threads do the work. The manager stream's thread receives configurations and reconnects
 * when the manager goes away; the publisher's thread computes, reports and pushes, so a slow
 * controller never holds up the stream. {@link #view()} may be read from any thread.
 *
 * <p>Life cycle: {@code LATENT} until {@link #start()}, {@code STARTED} until {@link #close()},
 * then {@code CLOSED}; a control VM does not start twice. The caller owns the manager channel and
 * the controller channels, and closes them after this.
 */
public final class ControlVm implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(ControlVm.class);
    /** How long close() waits for a push under way; the cancelled calls end it well within this. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    public enum State { LATENT, STARTED, CLOSED }

    private final ControlVmSettings settings;
    private final AtomicReference<State> state = new AtomicReference<>(State.LATENT);
    private final AtomicReference<ControlVmView> view = new AtomicReference<>(ControlVmView.INITIAL);
    /**
     * Every call the control VM makes runs in this context, and close() cancels it. A child of ROOT,
     * not of the caller's context: the control VM outlives whatever request created it.
     */
    private final Context.CancellableContext lifetime = Context.ROOT.withCancellation();
    private final SerialThread streamThread;
    private final SerialThread publisherThread;
    private final SerialThread haThread;
    private final Channel manager;
    private final TablePublisher publisher;
    private final HaAgent ha;
    private ManagerStream stream;

    /**
     * @param manager     a channel to the manager's ControlVmManagerChannel
     * @param controllers the channel cache for the controller nodes the configurations name
     */
    public ControlVm(ControlVmSettings settings, Channel manager, ControllerChannels controllers) {
        this.settings = settings;
        this.streamThread = new SerialThread(settings.vmId() + "-manager-stream", lifetime);
        this.publisherThread = new SerialThread(settings.vmId() + "-publisher", lifetime);
        this.haThread = new SerialThread(settings.vmId() + "-ha", lifetime);
        this.manager = manager;
        this.publisher = new TablePublisher(settings, manager, controllers, publisherThread, lifetime, view);
        this.ha = new HaAgent(settings.vmId(), settings.security(), Clock.systemUTC(), haThread, publisher::haChanged);
        publisher.useHa(ha);
    }

    /**
     * Connects to the manager and keeps connected until {@link #close()}.
     *
     * @throws IllegalStateException if it was started or closed before
     */
    public void start() {
        if (!state.compareAndSet(State.LATENT, State.STARTED)) {
            throw new IllegalStateException(settings.vmId() + " cannot start: it is " + state.get());
        }
        String haAddress;
        try {
            haAddress = ha.start();
        } catch (IOException e) {
            throw new UncheckedIOException(settings.vmId() + ": cannot open the HA heartbeat endpoint", e);
        }
        LOG.info("{}: control VM of {} starting; connecting to the manager (HA heartbeats at {})", settings.vmId(),
                settings.dlr(), haAddress);
        ControlVmHello hello = ControlVmHello.newBuilder().setVmId(settings.vmId()).setDlrId(settings.dlr().value())
                .setHaAddress(haAddress).build();
        stream = new ManagerStream(manager, hello, settings.backoff(), streamThread, lifetime, publisher::offer, view);
        stream.open();
    }

    public State state() {
        return state.get();
    }

    public ControlVmSettings settings() {
        return settings;
    }

    /** Its role in its DLR's HA pair; empty when the DLR has no HA pair (or no configuration yet). */
    public java.util.Optional<HaRole> haRole() {
        return java.util.Optional.ofNullable(ha.role());
    }

    /** A snapshot of where the control VM stands; never null. */
    public ControlVmView view() {
        return view.get();
    }

    /**
     * Stops: cancels the manager stream and any push under way, and lets the threads end. What the
     * controller applied stays there. Idempotent; a control VM closed before it started never starts.
     */
    @Override
    public void close() {
        State was = state.getAndSet(State.CLOSED);
        if (was == State.CLOSED) {
            return;
        }
        lifetime.cancel(null);
        ha.close();
        streamThread.shutdown();
        publisherThread.shutdown();
        haThread.shutdown();
        try {
            if (!streamThread.awaitTermination(CLOSE_WAIT) || !publisherThread.awaitTermination(CLOSE_WAIT)) {
                LOG.warn("{}: a task was still running {} after close", settings.vmId(), CLOSE_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (was == State.STARTED) {
            LOG.info("{}: control VM stopped", settings.vmId());
        }
    }
}
