package org.netweave.hostagent;

import java.io.Closeable;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.grpc.Server;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import org.netweave.model.HostId;
import org.netweave.proto.manager.v1.HostConfig;
import org.netweave.proto.manager.v1.HostConfigChannelGrpc;
import org.netweave.proto.manager.v1.HostHello;
import org.netweave.proto.manager.v1.HostRealized;
import org.netweave.proto.manager.v1.RealizedAck;

/**
 * The manager's side of the host configuration channel on an in-process server: it keeps the
 * newest configuration of each host, sends it on subscribe and on every {@link #push}, and
 * records hellos and realised-state reports. {@link #restart} is a new process on the same
 * configuration store: the streams end, the records start empty.
 */
final class FakeManager extends HostConfigChannelGrpc.HostConfigChannelImplBase implements Closeable {
    private final String name;
    private final Map<HostId, HostConfig> configs;
    private final Map<HostId, StreamObserver<HostConfig>> subscribers = new HashMap<>();
    private final List<HostHello> hellos = new CopyOnWriteArrayList<>();
    private final List<HostRealized> reports = new CopyOnWriteArrayList<>();
    private final Server server;

    private FakeManager(String name, Map<HostId, HostConfig> configs) throws IOException {
        this.name = name;
        this.configs = new HashMap<>(configs);
        this.server = InProcessServerBuilder.forName(name).addService(this).build().start();
    }

    static FakeManager start(String name) throws IOException {
        return new FakeManager(name, Map.of());
    }

    /** Stops this manager and starts a new one under the same name with the same configurations. */
    FakeManager restart() throws IOException {
        Map<HostId, HostConfig> kept;
        synchronized (this) {
            kept = Map.copyOf(configs);
        }
        close();
        return new FakeManager(name, kept);
    }

    /** Stores {@code config} and sends it to its host if the host is subscribed. */
    synchronized void push(HostConfig config) {
        HostId host = HostId.of(config.getHostId());
        configs.put(host, config);
        StreamObserver<HostConfig> subscriber = subscribers.get(host);
        if (subscriber != null) {
            subscriber.onNext(config);
        }
    }

    List<HostHello> hellos() {
        return List.copyOf(hellos);
    }

    /** The newest report of {@code host}, if it sent any to this manager. */
    Optional<HostRealized> latestReport(HostId host) {
        return reports.reversed().stream().filter(report -> report.getHostId().equals(host.value())).findFirst();
    }

    List<HostRealized> reports() {
        return List.copyOf(reports);
    }

    @Override
    public synchronized void subscribe(HostHello hello, StreamObserver<HostConfig> responses) {
        hellos.add(hello);
        HostId host = HostId.of(hello.getHostId());
        subscribers.put(host, responses);
        HostConfig config = configs.get(host);
        if (config != null) {
            responses.onNext(config);
        }
    }

    @Override
    public void reportRealized(HostRealized report, StreamObserver<RealizedAck> responses) {
        reports.add(report);
        responses.onNext(RealizedAck.getDefaultInstance());
        responses.onCompleted();
    }

    @Override
    public void close() {
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
