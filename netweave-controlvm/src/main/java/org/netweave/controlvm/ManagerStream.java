package org.netweave.controlvm;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.grpc.Channel;
import io.grpc.Context;
import io.grpc.stub.StreamObserver;
import org.netweave.proto.manager.v1.ControlVmConfig;
import org.netweave.proto.manager.v1.ControlVmHello;
import org.netweave.proto.manager.v1.ControlVmManagerChannelGrpc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control VM's end of {@code ControlVmManagerChannel.Connect}: one stream at a time, opened
 * again with backoff whenever it ends, because the manager may restart. The control VM keeps its
 * configuration meanwhile; the manager sends the current one again on the new stream.
 *
 * <p>The stream counts as connected once the manager's first configuration arrives: a gRPC server
 * sends its response headers with its first message, so nothing earlier says the manager is there.
 * Calls wait for the channel to be ready, so a control VM powered on before the manager is
 * reachable simply waits. All state lives on one {@link SerialThread}; gRPC callbacks hop onto it.
 */
final class ManagerStream {
    private static final Logger LOG = LoggerFactory.getLogger(ManagerStream.class);

    private final ControlVmManagerChannelGrpc.ControlVmManagerChannelStub stub;
    private final ControlVmHello hello;
    private final Backoff backoff;
    private final SerialThread thread;
    private final Context lifetime;
    private final Consumer<ControlVmConfig> configs;
    private final AtomicReference<ControlVmView> view;

    private Observer current;
    private boolean connected;
    private Duration delay;

    /** @param configs receives every configuration, on this stream's thread; it must not block */
    ManagerStream(Channel manager, ControlVmHello hello, Backoff backoff, SerialThread thread, Context lifetime,
            Consumer<ControlVmConfig> configs, AtomicReference<ControlVmView> view) {
        this.stub = ControlVmManagerChannelGrpc.newStub(manager).withWaitForReady();
        this.hello = hello;
        this.backoff = backoff;
        this.thread = thread;
        this.lifetime = lifetime;
        this.configs = configs;
        this.view = view;
        this.delay = backoff.initial();
    }

    void open() {
        thread.execute(this::connect);
    }

    private void connect() {
        if (lifetime.isCancelled()) {
            return;
        }
        current = new Observer();
        stub.connect(hello, current);
    }

    private void received(Observer from, ControlVmConfig config) {
        if (from != current) {
            return;
        }
        if (!connected) {
            connected = true;
            delay = backoff.initial();
            view.updateAndGet(v -> v.withConnected(true));
            LOG.info("{}: connected to the manager", hello.getVmId());
        }
        configs.accept(config);
    }

    private void ended(Observer from, Throwable cause) {
        if (from != current || lifetime.isCancelled()) {
            return;
        }
        current = null;
        String why = cause == null ? "the manager closed it" : cause.toString();
        if (connected) {
            connected = false;
            view.updateAndGet(v -> v.withConnected(false));
            LOG.info("{}: the manager stream ended ({}); keeping configuration generation {} and reconnecting",
                    hello.getVmId(), why, view.get().configGeneration());
        } else {
            LOG.debug("{}: the manager stream ended before any configuration ({})", hello.getVmId(), why);
        }
        Duration wait = jittered(delay);
        delay = backoff.after(delay);
        thread.schedule(this::connect, wait);
    }

    /**
     * Between half and all of {@code delay}: the control VMs of every DLR lose a restarting manager
     * at the same instant and should not all call it back at the same instant.
     */
    private static Duration jittered(Duration delay) {
        long nanos = delay.toNanos();
        return Duration.ofNanos(nanos / 2 + ThreadLocalRandom.current().nextLong(nanos / 2 + 1));
    }

    /** One Connect stream; its callbacks run on gRPC's threads and hop onto the stream's thread. */
    private final class Observer implements StreamObserver<ControlVmConfig> {
        @Override
        public void onNext(ControlVmConfig config) {
            thread.execute(() -> received(this, config));
        }

        @Override
        public void onError(Throwable t) {
            thread.execute(() -> ended(this, t));
        }

        @Override
        public void onCompleted() {
            thread.execute(() -> ended(this, null));
        }
    }
}
