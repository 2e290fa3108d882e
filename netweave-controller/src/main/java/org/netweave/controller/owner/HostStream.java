package org.netweave.controller.owner;

import java.math.BigInteger;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import org.netweave.controller.runtime.ConnectionId;
import org.netweave.controller.runtime.HostClaim;
import org.netweave.controller.runtime.HostConnection;
import org.netweave.controller.runtime.RefusedClaim;
import org.netweave.model.DlrId;
import org.netweave.model.Vni;
import org.netweave.pki.ComponentIdentity;
import org.netweave.proto.controller.v1.ControllerMessage;
import org.netweave.proto.controller.v1.Vtep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One host's stream on this node: the connection-table row once the host said Hello, its VTEP,
 * what it claims on the VNIs it joined here and how much of that their placement admitted (see
 * {@link ClaimAdmission}), and the DLRs it joined here. Used on the owner thread only, which also
 * makes it the only caller of the gRPC observer (gRPC observers are not thread-safe).
 */
final class HostStream {
    private static final Logger LOG = LoggerFactory.getLogger(HostStream.class);

    final ConnectionId id;
    private final StreamObserver<ControllerMessage> out;
    HostConnection connection;
    Vtep vtep;
    /** Per VNI the host joined here, what it says it has. */
    final Map<Vni, HostClaim> claims = new HashMap<>();
    /** Per VNI, the part of the claim that is in the tables; only joined VNIs. */
    final Map<Vni, HostClaim> admitted = new HashMap<>();
    /** Per VNI, the parts of the claim refused now, each with since when ({@link System#nanoTime()}). */
    final Map<Vni, Map<RefusedClaim, Long>> refused = new HashMap<>();
    final Set<DlrId> dlrs = new LinkedHashSet<>();
    private boolean open = true;

    /** Who the stream's TLS certificate says is on the other end; empty over plaintext (tests of one controller). */
    final Optional<ComponentIdentity> peer;
    /** The serial of that certificate: the stream ends when it is revoked. */
    final Optional<BigInteger> peerSerial;

    HostStream(ConnectionId id, StreamObserver<ControllerMessage> out, Optional<ComponentIdentity> peer,
               Optional<BigInteger> peerSerial) {
        this.id = id;
        this.out = out;
        this.peer = peer;
        this.peerSerial = peerSerial;
    }

    void send(ControllerMessage message) {
        if (!open) {
            return;
        }
        try {
            out.onNext(message);
        } catch (RuntimeException e) {
            // The host went away mid-send; its stream end arrives separately and cleans up.
            LOG.debug("stream {}: send failed: {}", id, e.toString());
            open = false;
        }
    }

    /** Ends the stream from our side, e.g. because this node lost the majority. */
    void fail(Status status) {
        if (open) {
            open = false;
            try {
                out.onError(status.asRuntimeException());
            } catch (RuntimeException e) {
                LOG.debug("stream {}: close failed: {}", id, e.toString());
            }
        }
    }

    void complete() {
        if (open) {
            open = false;
            try {
                out.onCompleted();
            } catch (RuntimeException e) {
                LOG.debug("stream {}: completion failed: {}", id, e.toString());
            }
        }
    }

    /**
     * Forgets the host's claims on {@code vnis}, whose tables this node no longer holds; whether
     * it had any.
     */
    boolean forgetVnis(Collection<Vni> vnis) {
        boolean had = false;
        for (Vni vni : vnis) {
            had |= claims.remove(vni) != null | admitted.remove(vni) != null;
            refused.remove(vni);
        }
        return had;
    }

    boolean hasSaidHello() {
        return connection != null;
    }
}
