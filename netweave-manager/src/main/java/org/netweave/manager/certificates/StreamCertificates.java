package org.netweave.manager.certificates;

import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import org.netweave.pki.PeerIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certificate each long-lived stream of a southbound service was opened with, so that a
 * revocation ends the streams of that certificate at once rather than at their next handshake.
 * A service records a stream on the call's own thread, asks {@link #revokedSince} once it has
 * registered it (a revocation in between found nothing to close), and forgets it when it ends.
 */
public final class StreamCertificates {
    private static final Logger LOG = LoggerFactory.getLogger(StreamCertificates.class);

    private final String service;
    private final Map<StreamObserver<?>, BigInteger> serials = new ConcurrentHashMap<>();
    private volatile Predicate<BigInteger> revoked = serial -> false;

    public StreamCertificates(String service) {
        this.service = service;
    }

    /** Which certificates are revoked now; set before streams open. */
    public void revokedBy(Predicate<BigInteger> revoked) {
        this.revoked = revoked;
    }

    /** Notes the certificate of the call being served for {@code stream}; on the call's thread. */
    public void record(StreamObserver<?> stream) {
        PeerIdentity.currentSerial().ifPresent(serial -> serials.put(stream, serial));
    }

    public void forget(StreamObserver<?> stream) {
        serials.remove(stream);
    }

    /** Whether {@code stream}'s certificate is revoked now. */
    public boolean revokedSince(StreamObserver<?> stream) {
        return Optional.ofNullable(serials.get(stream)).filter(revoked).isPresent();
    }

    /** Whether {@code stream} was opened with the certificate {@code serial}. */
    public boolean openedWith(StreamObserver<?> stream, BigInteger serial) {
        return serial.equals(serials.get(stream));
    }

    /** Ends {@code stream} as revoked (UNAUTHENTICATED), under its lock as every send to it is. */
    public void end(StreamObserver<?> stream, String holder) {
        serials.remove(stream);
        LOG.atWarn().setMessage("{}: the certificate of {} was revoked; its stream is closed").addArgument(service)
                .addArgument(holder).addKeyValue("event", "revoked-peer-disconnected").addKeyValue("service", service)
                .addKeyValue("holder", holder).log();
        synchronized (stream) {
            try {
                stream.onError(Status.UNAUTHENTICATED.withDescription("the certificate of " + holder + " was revoked")
                        .asRuntimeException());
            } catch (RuntimeException e) {
                LOG.debug("{}: a closed stream refused its end: {}", service, e.toString());
            }
        }
    }
}
