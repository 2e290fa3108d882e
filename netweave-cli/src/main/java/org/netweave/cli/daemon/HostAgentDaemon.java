package org.netweave.cli.daemon;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import io.grpc.Context;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import org.netweave.controller.client.ControllerChannels;
import org.netweave.controller.slice.SliceSpace;
import org.netweave.dataplane.HostDatapathConfig;
import org.netweave.dataplane.emulated.EmulatedHost;
import org.netweave.dataplane.emulated.EmulatedUnderlay;
import org.netweave.hostagent.HostAgent;
import org.netweave.model.HostId;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.MacAddress;
import org.netweave.pki.ComponentIdentity;
import org.netweave.pki.ComponentKind;
import org.netweave.pki.CredentialFiles;
import org.netweave.pki.Revocations;
import org.netweave.pki.TransportSecurity;
import org.netweave.proto.manager.v1.HostConfig;
import org.netweave.proto.manager.v1.HostConfigChannelGrpc;
import org.netweave.proto.manager.v1.HostHello;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code netweave host-agent serve}: one hypervisor's agent as a daemon (netcpa and the Neutron
 * L2/L3 agents in one) with the emulated datapath: it waits for the manager to prepare its host,
 * builds the datapath on the VTEP (with its subnet) and router MAC that preparation gave it (VXLAN on a real UDP
 * socket at that VTEP address), then follows the host's configuration and the controllers' tables.
 * It presents the host's certificate to the manager and to every controller.
 */
@Command(name = "host-agent", description = "One hypervisor's host agent as a daemon (multi-process mode).",
        subcommands = HostAgentDaemon.Serve.class)
public final class HostAgentDaemon {
    private static final Logger LOG = LoggerFactory.getLogger(HostAgentDaemon.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Run the host's agent and its emulated datapath until SIGTERM.")
    static final class Serve implements Callable<Integer> {
        @Option(names = "--host", required = true, description = "The host's id in the manager's inventory (POST /api/v1/hosts).")
        String host;
        @Option(names = "--credentials", required = true,
                description = "Its directory from 'netweave cert issue host <id>': key, certificate, ca.crt, revoked.txt.")
        Path credentials;
        @Option(names = "--manager", required = true, paramLabel = "<host:port>", description = "The manager's southbound port.")
        String manager;
        @Option(names = "--vxlan-port", defaultValue = "" + HostDatapathConfig.DEFAULT_VXLAN_PORT,
                description = "VXLAN UDP port of every VTEP (default: ${DEFAULT-VALUE}).")
        int vxlanPort;
        @Option(names = "--revocations-reload", defaultValue = "PT10S",
                description = "How often revoked.txt in --credentials is read again, and the manager asked for its"
                        + " revocations (default: ${DEFAULT-VALUE}).")
        Duration revocationsReload;
        @Spec
        CommandSpec spec;

        /** The agent, the datapath it drives and its channels; closed agent first, so nothing applies to a closed datapath. */
        private record Running(HostAgent agent, EmulatedHost datapath, ManagedChannel manager,
                               ControllerChannels controllers, RevocationsReload reload, ManagerRevocationsPoll poll)
                implements AutoCloseable {
            @Override
            public void close() {
                try {
                    agent.close();
                } finally {
                    poll.close();
                    manager.shutdownNow();
                    controllers.close();
                    datapath.close();
                    reload.close();
                }
            }
        }

        @Override
        public Integer call() throws Exception {
            HostId id = HostId.of(host);
            HostAndPort managerAddress = HostAndPort.parse("--manager", manager);
            if (managerAddress.port() == 0) {
                throw new InvalidValueException("--manager", manager, "names port 0");
            }
            if (vxlanPort < 1 || vxlanPort > 65535) {
                throw new InvalidValueException("--vxlan-port", vxlanPort, "is not a UDP port");
            }
            CredentialFiles files = new CredentialFiles(credentials);
            Revocations revocations = files.revocations();
            TransportSecurity transport = TransportSecurity.mutualTls(files.read(ComponentIdentity.host(id)), revocations);
            return DaemonLifecycle.run("host-agent " + host, spec.commandLine().getOut(), () -> {
                RevocationsReload reload = RevocationsReload.every(revocations, revocationsReload, "host-agent " + host);
                ManagedChannel channel = Grpc.newChannelBuilderForAddress(managerAddress.host(), managerAddress.port(),
                        transport.channelCredentials(ComponentKind.MANAGER)).build();
                ControllerChannels controllers = new ControllerChannels(transport);
                EmulatedHost datapath = null;
                HostAgent agent = null;
                try {
                    datapath = new EmulatedHost(datapathConfig(id, preparation(id, channel)));
                    agent = new HostAgent(id, channel, controllers, SliceSpace.DEFAULT, datapath);
                    agent.start();
                    // The controllers learn revocations from the manager; a host asks it for them.
                    ManagerRevocationsPoll poll = ManagerRevocationsPoll.every(channel, transport, revocationsReload,
                            "host-agent " + host);
                    return new Running(agent, datapath, channel, controllers, reload, poll);
                } catch (Exception | Error e) {
                    if (agent != null) {
                        agent.close();
                    }
                    channel.shutdownNow();
                    controllers.close();
                    if (datapath != null) {
                        datapath.close();
                    }
                    reload.close();
                    throw e;
                }
            }, running -> "Netweave host agent " + host + " is running: VTEP " + running.datapath().config().vtepIp()
                    + ", manager " + manager);
        }

        /**
         * The host's first configuration that carries a VTEP: host preparation made its VMkernel
         * port and gave it a router MAC. Until then the host waits, as an unprepared ESXi host does.
         */
        private static HostConfig preparation(HostId id, ManagedChannel manager) throws InterruptedException {
            Duration backoff = Duration.ofMillis(200);
            while (true) {
                try (Context.CancellableContext call = Context.current().withCancellation()) {
                    HostConfig prepared = call.call(() -> {
                        Iterator<HostConfig> configs = HostConfigChannelGrpc.newBlockingStub(manager)
                                .subscribe(HostHello.newBuilder().setHostId(id.value()).build());
                        while (configs.hasNext()) {
                            HostConfig config = configs.next();
                            if (config.getVtepIp() != 0) {
                                return config;
                            }
                            LOG.info("host {}: waiting for host preparation (no VTEP yet)", id);
                        }
                        return null;
                    });
                    if (prepared != null) {
                        return prepared;
                    }
                } catch (StatusRuntimeException e) {
                    LOG.warn("host {}: the manager's configuration is not reachable ({}); trying again in {} ms", id,
                            why(e), backoff.toMillis());
                } catch (Exception e) {
                    throw new IllegalStateException("host " + id + ": reading the configuration failed", e);
                }
                TimeUnit.MILLISECONDS.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2);
                if (backoff.compareTo(MAX_BACKOFF) > 0) {
                    backoff = MAX_BACKOFF;
                }
            }
        }

        /** The status and its innermost cause in one line: a refused handshake says so without a stack trace. */
        private static String why(StatusRuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            String status = e.getStatus().getCode() + (e.getStatus().getDescription() == null ? ""
                    : ": " + e.getStatus().getDescription().lines().findFirst().orElse(""));
            return cause == e ? status : status + "; " + cause;
        }

        /** The VTEP, its subnet (from its IP pool) and the router MAC, as host preparation gave them. */
        private HostDatapathConfig datapathConfig(HostId id, HostConfig prepared) {
            Ipv4Address vtep = Ipv4Address.of(prepared.getVtepIp());
            int length = prepared.getVtepPrefixLength();
            if (length < 1 || length > 32) {
                throw new IllegalStateException("host " + id + ": the manager gave VTEP " + vtep + " the subnet length "
                        + length);
            }
            Ipv4Prefix segment = new Ipv4Prefix(Ipv4Address.of(vtep.value() & Ipv4Prefix.mask(length)), length);
            return new HostDatapathConfig(id, vtep, segment, MacAddress.of(EmulatedUnderlay.vtepMac(vtep.value())),
                    MacAddress.of(prepared.getRouterMac()), vxlanPort);
        }
    }
}
