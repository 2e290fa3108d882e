package org.netweave.pki;

import java.math.BigInteger;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * The identity of the peer of the call being served, from its certificate. The interceptor every
 * service of the platform gets ({@link TransportSecurity#callers}) puts it in the call's context;
 * handlers ask {@link #current()} or {@link #require}. A call over plaintext (a test of one
 * component) is marked as such and passes the checks; code that runs outside any call's context
 * (a handler that moved its work to another thread and asked there) fails them — closed, not open.
 */
public final class PeerIdentity {
    private static final Context.Key<ComponentIdentity> PEER = Context.key("netweave-peer-identity");
    private static final Context.Key<Boolean> PLAINTEXT = Context.key("netweave-plaintext-peer");
    private static final Context.Key<BigInteger> SERIAL = Context.key("netweave-peer-certificate-serial");

    private PeerIdentity() {
    }

    /**
     * Reads each call's peer certificate into its context and lets the call through only if the
     * certificate is not revoked (now, not only at the handshake: streams live for days) and its
     * kind may call the method. {@code revocations} is empty on a plaintext server.
     */
    static ServerInterceptor interceptor(Optional<Revocations> revocations, CallerRule rule) {
        return new ServerInterceptor() {
            @Override
            public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
                                                               ServerCallHandler<Q, A> next) {
                SSLSession session = call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
                if (revocations.isEmpty()) {
                    return Contexts.interceptCall(Context.current().withValue(PLAINTEXT, true), call, headers, next);
                }
                Optional<X509Certificate> certificate = session == null ? Optional.empty() : peerCertificate(session);
                Optional<ComponentIdentity> identity = certificate.flatMap(ComponentIdentity::of);
                if (identity.isEmpty()) {
                    // The trust manager lets no such peer through; this is the second lock.
                    return refuse(call, Status.UNAUTHENTICATED.withDescription(
                            "the peer presented no certificate naming a Netweave component"));
                }
                if (revocations.get().isRevoked(certificate.get())) {
                    return refuse(call, Status.UNAUTHENTICATED.withDescription("the certificate of " + identity.get()
                            + " was revoked"));
                }
                if (!rule.allowed(call.getMethodDescriptor()).contains(identity.get().kind())) {
                    return refuse(call, Status.PERMISSION_DENIED.withDescription(identity.get() + " may not call "
                            + call.getMethodDescriptor().getFullMethodName()));
                }
                return Contexts.interceptCall(Context.current().withValues(PEER, identity.get(),
                        SERIAL, certificate.get().getSerialNumber()), call, headers, next);
            }
        };
    }

    private static <Q> ServerCall.Listener<Q> refuse(ServerCall<Q, ?> call, Status status) {
        call.close(status, new Metadata());
        return new ServerCall.Listener<>() { };
    }

    /**
     * The peer of the call being served; empty over plaintext.
     *
     * @throws StatusRuntimeException PERMISSION_DENIED outside a call's context, where nobody can
     *                                tell who the peer is
     */
    public static Optional<ComponentIdentity> current() {
        ComponentIdentity peer = PEER.get();
        if (peer == null && !Boolean.TRUE.equals(PLAINTEXT.get())) {
            throw denied("no authenticated peer here: ask on the call's own thread");
        }
        return Optional.ofNullable(peer);
    }

    /**
     * The serial of the certificate the peer of the call being served presented; empty over
     * plaintext. A server keeps it with a long-lived stream, to close the stream when it is revoked.
     */
    public static Optional<BigInteger> currentSerial() {
        current();
        return Optional.ofNullable(SERIAL.get());
    }

    /** Refuses (PERMISSION_DENIED) the call unless its peer is {@code expected} — or it came over plaintext. */
    public static void require(ComponentIdentity expected) {
        current().ifPresent(peer -> {
            if (!peer.equals(expected)) {
                throw denied(peer + " may not act as " + expected);
            }
        });
    }

    /**
     * Refuses (PERMISSION_DENIED) the call unless its peer is the component of {@code kind} named
     * {@code name} as a message says — or it came over plaintext. A name that is no component's
     * name is refused too.
     */
    public static void requireNamed(ComponentKind kind, String name) {
        ComponentIdentity claimed;
        try {
            claimed = new ComponentIdentity(kind, name);
        } catch (IllegalArgumentException e) {
            if (current().isEmpty()) {
                return;
            }
            throw denied("'" + name + "' names no " + kind.label());
        }
        require(claimed);
    }

    public static StatusRuntimeException denied(String why) {
        return Status.PERMISSION_DENIED.withDescription(why).asRuntimeException();
    }

    private static Optional<X509Certificate> peerCertificate(SSLSession session) {
        try {
            Certificate[] chain = session.getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate leaf ? Optional.of(leaf) : Optional.empty();
        } catch (SSLPeerUnverifiedException e) {
            return Optional.empty();
        }
    }
}
