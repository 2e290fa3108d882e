package org.netweave.cli.daemon;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import org.netweave.pki.TransportSecurity;
import org.netweave.proto.manager.v1.HostConfigChannelGrpc;
import org.netweave.proto.manager.v1.RevocationsRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A host agent's revocations, kept current from the manager: it asks for the authority's list now
 * and then and learns what it did not know, so it refuses a revoked controller from its next
 * handshake on (a host agent serves nothing; it checks the servers it calls).
 */
final class ManagerRevocationsPoll implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ManagerRevocationsPoll.class);
    private static final long CALL_TIMEOUT_MS = 5_000;
    private final ScheduledExecutorService timer;

    private ManagerRevocationsPoll(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    static ManagerRevocationsPoll every(Channel manager, TransportSecurity transport, Duration interval, String daemon) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("manager-revocations").daemon().factory());
        timer.scheduleWithFixedDelay(() -> poll(manager, transport, daemon), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return new ManagerRevocationsPoll(timer);
    }

    /** One round; nothing escapes it, or the timer would never run the next. */
    private static void poll(Channel manager, TransportSecurity transport, String daemon) {
        try {
            List<BigInteger> serials = new ArrayList<>();
            for (String serial : HostConfigChannelGrpc.newBlockingStub(manager)
                    .withDeadlineAfter(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                    .getRevocations(RevocationsRequest.getDefaultInstance()).getSerialsList()) {
                serials.add(new BigInteger(serial, 16));
            }
            int learned = transport.learnRevoked(serials);
            if (learned > 0) {
                LOG.info("{}: learned {} revoked certificates from the manager", daemon, learned);
            }
        } catch (StatusRuntimeException e) {
            LOG.debug("{}: the manager's revocations are not reachable now: {}", daemon, e.getStatus());
        } catch (RuntimeException e) {
            LOG.warn("{}: the manager's revocations could not be taken in: {}", daemon, e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
