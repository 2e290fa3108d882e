package org.netweave.manager.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import org.netweave.controller.client.ControllerChannels;
import org.netweave.controller.slice.SliceSpace;
import org.netweave.hostagent.HostConfigFollower;
import org.netweave.model.HostId;
import org.netweave.pki.CertificateAuthority;
import org.netweave.pki.ComponentIdentity;
import org.netweave.pki.ComponentKind;
import org.netweave.pki.TransportSecurity;

/**
 * One host's agent in a process of its own (netcpa: the configuration from the manager, the
 * sessions to the controllers, the realised generation reported back), so a test can kill it with
 * SIGKILL. It presents the host's certificate, read from the authority's directory.
 *
 * <p>Arguments: authority directory, the manager's southbound port, the host id.
 */
public final class HostAgentProcess {
    /** What the process prints once the agent follows its configuration. */
    public static final String UP = "AGENT UP";

    private HostAgentProcess() {
    }

    public static void main(String[] args) throws Exception {
        CertificateAuthority authority = CertificateAuthority.openOrCreate(Path.of(args[0]));
        HostId host = HostId.of(args[2]);
        TransportSecurity transport = TransportSecurity.mutualTls(
                authority.credentialsFor(ComponentIdentity.host(host)), authority.revocations());
        ManagedChannel manager = Grpc.newChannelBuilderForAddress("127.0.0.1", Integer.parseInt(args[1]),
                transport.channelCredentials(ComponentKind.MANAGER)).build();
        HostConfigFollower agent = new HostConfigFollower(host, manager, new ControllerChannels(transport),
                SliceSpace.DEFAULT);
        agent.start();
        System.out.println(UP);
        new CountDownLatch(1).await();
    }

    /** Starts the agent of {@code host} with this JVM's classpath; output to {@code log}. */
    public static Process launch(Path authority, int southboundPort, String host, Path log) throws IOException {
        List<String> command = new ArrayList<>(JavaProcess.command(HostAgentProcess.class));
        command.addAll(List.of(authority.toString(), String.valueOf(southboundPort), host));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
