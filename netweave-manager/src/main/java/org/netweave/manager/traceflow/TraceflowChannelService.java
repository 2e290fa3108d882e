package org.netweave.manager.traceflow;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import org.netweave.manager.certificates.StreamCertificates;
import org.netweave.model.HostId;
import org.netweave.pki.ComponentIdentity;
import org.netweave.pki.PeerIdentity;
import org.netweave.proto.manager.v1.TraceflowAck;
import org.netweave.proto.manager.v1.TraceflowChannelGrpc;
import org.netweave.proto.manager.v1.TraceflowHello;
import org.netweave.proto.manager.v1.TraceflowObservations;
import org.netweave.proto.manager.v1.TraceflowProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The manager's end of the traceflow channel: one open probe stream per connected host agent, and
 * the observation reports of every host, handed to whoever collects them.
 */
public final class TraceflowChannelService extends TraceflowChannelGrpc.TraceflowChannelImplBase {
    private static final Logger LOG = LoggerFactory.getLogger(TraceflowChannelService.class);

    private final Map<HostId, ServerCallStreamObserver<TraceflowProbe>> probeStreams = new ConcurrentHashMap<>();
    /** The certificates the probe streams were opened with: a revoked host's ends at once. */
    public final StreamCertificates certificates = new StreamCertificates("traceflow");
    private volatile Consumer<TraceflowObservations> reports = batch -> { };

    /** Where observation reports go; called on gRPC threads. */
    void onReport(Consumer<TraceflowObservations> consumer) {
        this.reports = consumer;
    }

    @Override
    public void probes(TraceflowHello hello, StreamObserver<TraceflowProbe> observer) {
        HostId host = HostId.of(hello.getHostId());
        try {
            // Probes for a host go to that host's own agent, not to one that says it is that host.
            PeerIdentity.require(ComponentIdentity.host(host));
        } catch (StatusRuntimeException e) {
            observer.onError(e);
            return;
        }
        ServerCallStreamObserver<TraceflowProbe> stream = (ServerCallStreamObserver<TraceflowProbe>) observer;
        certificates.record(stream);
        stream.setOnCancelHandler(() -> {
            probeStreams.remove(host, stream);
            certificates.forget(stream);
        });
        ServerCallStreamObserver<TraceflowProbe> replaced = probeStreams.put(host, stream);
        if (certificates.revokedSince(stream) && probeStreams.remove(host, stream)) {
            certificates.end(stream, "host " + host.value());
            return;
        }
        if (replaced != null) {
            synchronized (replaced) {
                replaced.onCompleted();
            }
        }
        LOG.debug("traceflow: host agent of {} connected", host);
    }

    @Override
    public void report(TraceflowObservations batch, StreamObserver<TraceflowAck> observer) {
        reports.accept(batch);
        observer.onNext(TraceflowAck.getDefaultInstance());
        observer.onCompleted();
    }

    /** A certificate was revoked: the probe stream its host holds ends now. */
    public void certificateRevoked(java.math.BigInteger serial) {
        probeStreams.forEach((host, stream) -> {
            if (certificates.openedWith(stream, serial) && probeStreams.remove(host, stream)) {
                certificates.end(stream, "host " + host.value());
            }
        });
    }

    /**
     * Hands a probe to the host's agent; false when that agent is not connected. Tried twice: an
     * agent that reconnects replaces its stream, and the old one may end under our hands.
     */
    boolean send(HostId host, TraceflowProbe probe) {
        for (int attempt = 0; attempt < 2; attempt++) {
            ServerCallStreamObserver<TraceflowProbe> stream = probeStreams.get(host);
            if (stream == null) {
                return false;
            }
            synchronized (stream) {
                if (stream.isCancelled()) {
                    probeStreams.remove(host, stream);
                    continue;
                }
                try {
                    stream.onNext(probe);
                    return true;
                } catch (RuntimeException e) {
                    probeStreams.remove(host, stream);
                }
            }
        }
        return false;
    }
}
