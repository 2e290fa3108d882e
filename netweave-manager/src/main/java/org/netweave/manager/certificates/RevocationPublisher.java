package org.netweave.manager.certificates;

import java.io.Closeable;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.grpc.StatusRuntimeException;
import org.netweave.controller.client.ControllerChannels;
import org.netweave.pki.Revocations;
import org.netweave.proto.controller.v1.ManagerChannelGrpc;
import org.netweave.proto.controller.v1.RevocationsAck;
import org.netweave.proto.controller.v1.RevokedCertificates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells every controller which certificates the authority revoked, so that a controller in a
 * process of its own refuses a revoked host at once, as the manager's servers do: the whole list
 * right after each revocation, and again every {@link #INTERVAL} for a controller that was down
 * then or started since. The list is short (serials only); a node that knows them all answers 0.
 */
public final class RevocationPublisher implements Closeable {
    public static final Duration INTERVAL = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(RevocationPublisher.class);
    private static final long CALL_TIMEOUT_MS = 5_000;

    private final Supplier<List<String>> controllers;
    private final ControllerChannels channels;
    private final Revocations revocations;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("revocation-publisher").daemon().factory());
    private final Runnable stopListening;

    /** @param controllers the controllers' host-facing addresses now */
    public RevocationPublisher(Supplier<List<String>> controllers, ControllerChannels channels, Revocations revocations) {
        this.controllers = controllers;
        this.channels = channels;
        this.revocations = revocations;
        this.stopListening = revocations.onRevoked(serial -> {
            try {
                timer.execute(this::publish);
            } catch (RejectedExecutionException closing) {
                // Closing: the revocation stands; the controllers hear it from the next manager.
            }
        });
        timer.scheduleWithFixedDelay(this::publish, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One round; nothing may escape it, or the timer would never run the next one. */
    private void publish() {
        try {
            publishToAll();
        } catch (RuntimeException e) {
            LOG.warn("revocations not published this round: {}", e.toString());
        }
    }

    private void publishToAll() {
        List<BigInteger> serials = revocations.all();
        if (serials.isEmpty()) {
            return;
        }
        RevokedCertificates message = RevokedCertificates.newBuilder()
                .addAllSerials(serials.stream().map(serial -> serial.toString(16)).toList()).build();
        for (String address : controllers.get()) {
            try {
                RevocationsAck ack = ManagerChannelGrpc.newBlockingStub(channels.channel(address))
                        .withDeadlineAfter(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS).publishRevocations(message);
                if (ack.getNewlyRevoked() > 0) {
                    LOG.info("the controller at {} learned {} of the {} revoked certificates", address,
                            ack.getNewlyRevoked(), serials.size());
                }
            } catch (StatusRuntimeException e) {
                // Down or restarting: it hears the whole list on the next round.
                LOG.debug("revocations not published to {}: {}", address, e.getStatus());
            } catch (RuntimeException e) {
                LOG.warn("revocations not published to {}: {}", address, e.toString());
            }
        }
    }

    @Override
    public void close() {
        stopListening.run();
        timer.shutdownNow();
    }
}
