package org.netweave.manager.southbound;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import org.netweave.manager.certificates.StreamCertificates;
import org.netweave.model.InvalidValueException;
import org.netweave.model.VmId;
import org.netweave.pki.ComponentKind;
import org.netweave.pki.PeerIdentity;
import org.netweave.proto.manager.v1.ControlVmAck;
import org.netweave.proto.manager.v1.ControlVmConfig;
import org.netweave.proto.manager.v1.ControlVmHello;
import org.netweave.proto.manager.v1.ControlVmManagerChannelGrpc;
import org.netweave.proto.manager.v1.ControlVmStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The manager's side of the control-VM channel. A control VM connects back after power-on (seed
 * 000 step 3); the manager keeps the configuration it wants each control VM to hold and sends it
 * on every change and on every (re)connect, so a control VM that restarts gets it again.
 */
public final class ControlVmService extends ControlVmManagerChannelGrpc.ControlVmManagerChannelImplBase {
    private static final Logger LOG = LoggerFactory.getLogger(ControlVmService.class);

    private final Map<VmId, StreamObserver<ControlVmConfig>> streams = new ConcurrentHashMap<>();
    /** The certificates the configuration streams were opened with: a revoked control VM's ends at once. */
    public final StreamCertificates certificates = new StreamCertificates("control VMs");
    private final Map<VmId, ControlVmConfig> desired = new ConcurrentHashMap<>();
    private final Map<VmId, ControlVmStatus> statuses = new ConcurrentHashMap<>();
    private final Map<VmId, String> haAddresses = new ConcurrentHashMap<>();
    private final java.util.List<java.util.function.Consumer<ControlVmStatus>> roleListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.List<java.util.function.Consumer<ControlVmHello>> connectListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void connect(ControlVmHello hello, StreamObserver<ControlVmConfig> observer) {
        VmId vm;
        try {
            vm = VmId.of(hello.getVmId());
            // A control VM connects as itself, or it could take over another's configuration stream.
            PeerIdentity.requireNamed(ComponentKind.CONTROL_VM, vm.value());
        } catch (InvalidValueException e) {
            observer.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
            return;
        } catch (StatusRuntimeException e) {
            observer.onError(e);
            return;
        }
        certificates.record(observer);
        if (observer instanceof ServerCallStreamObserver<ControlVmConfig> call) {
            call.setOnCancelHandler(() -> {
                certificates.forget(observer);
                if (streams.remove(vm, observer)) {
                    LOG.info("control VM {} of {} disconnected", vm, hello.getDlrId());
                }
            });
        }
        synchronized (this) {
            StreamObserver<ControlVmConfig> before = streams.put(vm, observer);
            if (before != null) {
                safely(before::onCompleted);
            }
            if (observer instanceof ServerCallStreamObserver<ControlVmConfig> call && call.isCancelled()) {
                // Cancelled before it was registered: its cancel handler found nothing to remove.
                streams.remove(vm, observer);
                return;
            }
            if (certificates.revokedSince(observer)) {
                streams.remove(vm, observer);
                certificates.end(observer, "control VM " + vm.value());
                return;
            }
            LOG.info("control VM {} of {} connected back", vm, hello.getDlrId());
            if (!hello.getHaAddress().isEmpty()) {
                haAddresses.put(vm, hello.getHaAddress());
            }
            ControlVmConfig config = desired.get(vm);
            if (config != null) {
                safely(() -> observer.onNext(config));
            }
            connectListeners.forEach(listener -> listener.accept(hello));
        }
    }

    @Override
    public void reportStatus(ControlVmStatus status, StreamObserver<ControlVmAck> observer) {
        try {
            VmId vm = VmId.of(status.getVmId());
            // Only the VM itself says it is active: the failover job acts on it.
            PeerIdentity.requireNamed(ComponentKind.CONTROL_VM, vm.value());
            ControlVmStatus before = statuses.put(vm, status);
            if (before == null || before.getActive() != status.getActive() || before.getHaTerm() != status.getHaTerm()) {
                roleListeners.forEach(listener -> listener.accept(status));
            }
            observer.onNext(ControlVmAck.getDefaultInstance());
            observer.onCompleted();
        } catch (InvalidValueException e) {
            observer.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
        } catch (StatusRuntimeException e) {
            observer.onError(e);
        }
    }

    /** A certificate was revoked: the configuration stream its control VM holds ends now. */
    public synchronized void certificateRevoked(java.math.BigInteger serial) {
        streams.forEach((vm, stream) -> {
            if (certificates.openedWith(stream, serial) && streams.remove(vm, stream)) {
                certificates.end(stream, "control VM " + vm.value());
            }
        });
    }

    /** Sets what {@code vm} should hold and sends it now if the control VM is connected. */
    public synchronized void configure(VmId vm, ControlVmConfig config) {
        desired.put(vm, config);
        StreamObserver<ControlVmConfig> stream = streams.get(vm);
        if (stream != null) {
            safely(() -> stream.onNext(config));
        }
    }

    public Optional<ControlVmConfig> configuration(VmId vm) {
        return Optional.ofNullable(desired.get(vm));
    }

    /** Forgets a control VM that was deleted. */
    public synchronized void forget(VmId vm) {
        desired.remove(vm);
        statuses.remove(vm);
        haAddresses.remove(vm);
        StreamObserver<ControlVmConfig> stream = streams.remove(vm);
        if (stream != null) {
            safely(stream::onCompleted);
        }
    }

    /** Told when a control VM connects (on a gRPC thread; must be quick). */
    public void addConnectListener(java.util.function.Consumer<ControlVmHello> listener) {
        connectListeners.add(listener);
    }

    /** Told when a control VM reports a new HA role (on a gRPC thread; must be quick). */
    public void addRoleListener(java.util.function.Consumer<ControlVmStatus> listener) {
        roleListeners.add(listener);
    }

    /** Where {@code vm} takes its HA peer's heartbeats, once it has connected. */
    public Optional<String> haAddress(VmId vm) {
        return Optional.ofNullable(haAddresses.get(vm));
    }

    /**
     * The active one of a DLR's control VMs: the one that reports itself active with the highest
     * HA term, or the first (the one the manager started active) until any has reported.
     */
    public Optional<VmId> active(java.util.List<VmId> vms) {
        return vms.stream().filter(vm -> status(vm).map(ControlVmStatus::getActive).orElse(false))
                .max(java.util.Comparator.comparingLong(vm -> status(vm).map(ControlVmStatus::getHaTerm).orElse(0L)))
                .or(() -> vms.stream().findFirst());
    }

    public boolean isConnected(VmId vm) {
        return streams.containsKey(vm);
    }

    public Optional<ControlVmStatus> status(VmId vm) {
        return Optional.ofNullable(statuses.get(vm));
    }

    private static void safely(Runnable send) {
        try {
            send.run();
        } catch (RuntimeException e) {
            LOG.debug("a control VM stream refused a message: {}", e.toString());
        }
    }
}
