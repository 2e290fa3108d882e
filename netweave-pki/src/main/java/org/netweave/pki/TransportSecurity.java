package org.netweave.pki;

import java.math.BigInteger;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Consumer;

import io.grpc.ChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptor;
import io.grpc.TlsChannelCredentials;
import io.grpc.TlsServerCredentials;

/**
 * How a process's gRPC servers and channels protect their connections: mutual TLS under the
 * Netweave authority (what the platform runs with), or plaintext, which only tests of a single
 * component use (their peers are the test itself).
 */
public sealed interface TransportSecurity {

    ServerCredentials serverCredentials();

    /** Credentials for a channel to a server of {@code server}'s kind; any other is refused in the handshake. */
    ChannelCredentials channelCredentials(ComponentKind server);

    /**
     * The interceptor each service of a server gets: it puts the caller's identity in the call's
     * context ({@link PeerIdentity}) and lets through only the kinds {@code rule} allows.
     */
    ServerInterceptor callers(CallerRule rule);

    /**
     * Hears each certificate serial revoked from now on: a server closes the streams its holder
     * keeps open. Returns what stops it hearing them.
     */
    Runnable onRevoked(Consumer<BigInteger> listener);

    /**
     * Whether the certificate with {@code serial} is revoked now: a server asks again once it has
     * registered a stream, so a revocation between the call's start and the registration is not missed.
     */
    boolean isRevoked(BigInteger serial);

    /**
     * Takes in serials the authority revoked (the manager publishes them to components in other
     * processes); from then on they are refused as if revoked here. Returns how many were new.
     */
    int learnRevoked(Collection<BigInteger> serials);

    static TransportSecurity plaintext() {
        return new Plaintext();
    }

    /** Presents {@code own} and accepts only peers the same authority signed and has not revoked. */
    static TransportSecurity mutualTls(Credentials own, Revocations revocations) {
        return new MutualTls(own, revocations);
    }

    record Plaintext() implements TransportSecurity {
        @Override
        public ServerCredentials serverCredentials() {
            return InsecureServerCredentials.create();
        }

        @Override
        public ChannelCredentials channelCredentials(ComponentKind server) {
            return InsecureChannelCredentials.create();
        }

        @Override
        public ServerInterceptor callers(CallerRule rule) {
            return PeerIdentity.interceptor(Optional.empty(), rule);
        }

        @Override
        public Runnable onRevoked(Consumer<BigInteger> listener) {
            return () -> { };
        }

        @Override
        public boolean isRevoked(BigInteger serial) {
            return false;
        }

        @Override
        public int learnRevoked(Collection<BigInteger> serials) {
            return 0;
        }
    }

    record MutualTls(Credentials own, Revocations revocations) implements TransportSecurity {
        @Override
        public ServerCredentials serverCredentials() {
            return TlsServerCredentials.newBuilder()
                    .keyManager(own.keyManagers())
                    .trustManager(new CaTrustManager(own.authority(), revocations, Optional.empty()))
                    .clientAuth(TlsServerCredentials.ClientAuth.REQUIRE)
                    .build();
        }

        @Override
        public ChannelCredentials channelCredentials(ComponentKind server) {
            return TlsChannelCredentials.newBuilder()
                    .keyManager(own.keyManagers())
                    .trustManager(new CaTrustManager(own.authority(), revocations, Optional.of(server)))
                    .build();
        }

        @Override
        public ServerInterceptor callers(CallerRule rule) {
            return PeerIdentity.interceptor(Optional.of(revocations), rule);
        }

        @Override
        public Runnable onRevoked(Consumer<BigInteger> listener) {
            return revocations.onRevoked(listener);
        }

        @Override
        public boolean isRevoked(BigInteger serial) {
            return revocations.isRevoked(serial);
        }

        @Override
        public int learnRevoked(Collection<BigInteger> serials) {
            return revocations.learn(serials);
        }
    }
}
