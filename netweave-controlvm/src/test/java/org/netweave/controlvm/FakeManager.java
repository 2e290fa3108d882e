package org.netweave.controlvm;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.grpc.Server;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import org.netweave.proto.manager.v1.ControlVmAck;
import org.netweave.proto.manager.v1.ControlVmConfig;
import org.netweave.proto.manager.v1.ControlVmHello;
import org.netweave.proto.manager.v1.ControlVmManagerChannelGrpc;
import org.netweave.proto.manager.v1.ControlVmStatus;

/**
 * The manager's end of the control-VM channel, in process: like the real one it sends the current
 * configuration to every control VM that connects and every new one to all connected, and it
 * records the hellos and status reports. Closing it and starting another under the same name is a
 * manager restart.
 */
final class FakeManager extends ControlVmManagerChannelGrpc.ControlVmManagerChannelImplBase implements Closeable {
    private final Server server;
    private final List<ServerCallStreamObserver<ControlVmConfig>> streams = new ArrayList<>();
    private final java.util.Map<String, ServerCallStreamObserver<ControlVmConfig>> byVm = new java.util.HashMap<>();
    private final List<ControlVmHello> hellos = new ArrayList<>();
    private final List<ControlVmStatus> reports = new ArrayList<>();
    private ControlVmConfig current;

    private FakeManager(String name, ControlVmConfig current) throws IOException {
        this.current = current;
        this.server = InProcessServerBuilder.forName(name).addService(this).build().start();
    }

    static FakeManager start(String name) throws IOException {
        return new FakeManager(name, null);
    }

    /** A manager that already holds a configuration, as one restarting from its database does. */
    static FakeManager start(String name, ControlVmConfig current) throws IOException {
        return new FakeManager(name, current);
    }

    synchronized void send(ControlVmConfig config) {
        current = config;
        streams.forEach(stream -> stream.onNext(config));
    }

    /** Sends to one control VM only, as the manager does for the two halves of an HA pair. */
    synchronized void sendTo(String vm, ControlVmConfig config) {
        byVm.get(vm).onNext(config);
    }

    synchronized List<ControlVmHello> hellos() {
        return List.copyOf(hellos);
    }

    synchronized List<ControlVmStatus> reports() {
        return List.copyOf(reports);
    }

    synchronized Optional<ControlVmStatus> lastReport() {
        return reports.isEmpty() ? Optional.empty() : Optional.of(reports.getLast());
    }

    synchronized int connected() {
        return streams.size();
    }

    @Override
    public synchronized void connect(ControlVmHello hello, StreamObserver<ControlVmConfig> responses) {
        ServerCallStreamObserver<ControlVmConfig> stream = (ServerCallStreamObserver<ControlVmConfig>) responses;
        stream.setOnCancelHandler(() -> {
            synchronized (this) {
                streams.remove(stream);
            }
        });
        hellos.add(hello);
        streams.add(stream);
        byVm.put(hello.getVmId(), stream);
        if (current != null) {
            stream.onNext(current);
        }
    }

    @Override
    public void reportStatus(ControlVmStatus status, StreamObserver<ControlVmAck> responses) {
        synchronized (this) {
            reports.add(status);
        }
        responses.onNext(ControlVmAck.getDefaultInstance());
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
