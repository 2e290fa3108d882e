package org.netweave.manager.dlr;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import org.netweave.controller.client.ControllerChannels;
import org.netweave.controller.slice.SliceSpace;
import org.netweave.controlvm.Backoff;
import org.netweave.controlvm.ControlVm;
import org.netweave.controlvm.ControlVmSettings;
import org.netweave.model.DlrId;
import org.netweave.model.VmId;
import org.netweave.pki.ComponentKind;
import org.netweave.pki.TransportSecurity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Control VMs as components in this JVM (the all-in-one mode): each talks to the manager and the
 * controllers over real gRPC on loopback, exactly as a separate process would.
 */
public final class InProcessControlVmLauncher implements ControlVmLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(InProcessControlVmLauncher.class);

    private record Running(ControlVm vm, ManagedChannel manager, ControllerChannels controllers) {
    }

    private final String managerAddress;
    private final Duration writeDeadline;
    private final Function<VmId, TransportSecurity> security;
    private final Map<VmId, Running> running = new ConcurrentHashMap<>();

    /**
     * @param managerAddress host:port of the manager's southbound gRPC endpoint
     * @param security       each control VM's transport, with the certificate the manager issued it
     */
    public InProcessControlVmLauncher(String managerAddress, Duration writeDeadline,
                                      Function<VmId, TransportSecurity> security) {
        this.managerAddress = managerAddress;
        this.writeDeadline = writeDeadline;
        this.security = security;
    }

    @Override
    public synchronized void powerOn(VmId vm, DlrId dlr) {
        if (running.containsKey(vm)) {
            return;
        }
        TransportSecurity transport = security.apply(vm);
        ManagedChannel manager = Grpc.newChannelBuilder(managerAddress, transport.channelCredentials(ComponentKind.MANAGER)).build();
        ControllerChannels controllers = new ControllerChannels(transport);
        ControlVm controlVm = new ControlVm(new ControlVmSettings(vm.value(), dlr, SliceSpace.DEFAULT, writeDeadline,
                Backoff.DEFAULT, transport), manager, controllers);
        controlVm.start();
        running.put(vm, new Running(controlVm, manager, controllers));
        LOG.info("control VM {} of {} booted; it connects back to the manager at {}", vm, dlr, managerAddress);
    }

    @Override
    public synchronized void powerOff(VmId vm) {
        Running stopped = running.remove(vm);
        if (stopped != null) {
            stop(stopped);
            LOG.info("control VM {} powered off", vm);
        }
    }

    @Override
    public boolean isRunning(VmId vm) {
        return running.containsKey(vm);
    }

    @Override
    public synchronized void close() {
        running.values().forEach(InProcessControlVmLauncher::stop);
        running.clear();
    }

    private static void stop(Running vm) {
        vm.vm().close();
        vm.controllers().close();
        vm.manager().shutdownNow();
        try {
            vm.manager().awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
