package org.netweave.manager.neutron;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.grpc.Context;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.netweave.model.HostId;
import org.netweave.pki.ComponentIdentity;
import org.netweave.pki.ComponentKind;
import org.netweave.proto.manager.v1.AgentHello;
import org.netweave.proto.manager.v1.AgentNotification;
import org.netweave.proto.manager.v1.NeutronAgentChannelGrpc;
import org.netweave.proto.manager.v1.NeutronPort;
import org.netweave.proto.manager.v1.NeutronRouter;
import org.netweave.proto.manager.v1.RouterInterface;
import org.netweave.proto.manager.v1.SubnetPortsRequest;
import org.netweave.proto.manager.v1.SyncRoutersRequest;

/**
 * Seed 003 from the server's side, over real gRPC to a real manager: which host's agents hear
 * what when a distributed router gets interfaces and compute ports come and go, and what the
 * agents' calls answer.
 */
class NeutronAgentChannelTest {
    @RegisterExtension
    static final NeutronManager NET = NeutronManager.withZone();
    private static ManagedChannel channel;

    @BeforeAll
    static void connect() {
        // The Neutron agents run on hosts: the manager takes their calls with a host's certificate.
        channel = Grpc.newChannelBuilderForAddress("127.0.0.1", NET.get().manager.southboundPort(), NET.get().manager
                .transportFor(ComponentIdentity.host(HostId.of("host-1"))).channelCredentials(ComponentKind.MANAGER)).build();
    }

    @AfterAll
    static void disconnect() {
        channel.shutdownNow();
    }

    @Test
    void routerInterfacesAndComputePortsReachTheAgentsOfTheHostsHoldingThem() throws Exception {
        NeutronFixture net = NET.get();
        String netA = net.network("a");
        String subnetA = net.subnet(netA, "10.31.1.0/24");
        String netB = net.network("b");
        String subnetB = net.subnet(netB, "10.31.2.0/24");
        String router = net.create("router", "{\"name\":\"r\",\"distributed\":true}").get("id").asText();
        try (Agents h1 = subscribe("cn-1"); Agents h2 = subscribe("cn-2"); Agents h3 = subscribe("cn-3")) {
            // The first message is the full sync: nothing held yet.
            assertThat(h1.next()).isEqualTo("routers_updated [] full");
            assertThat(h2.next()).isEqualTo("routers_updated [] full");
            assertThat(h3.next()).isEqualTo("routers_updated [] full");

            // Creating a router only stores it.
            String p1 = port(netA, "cn-1");
            assertThat(h1.next()).isEqualTo("port_add " + p1);
            String p2 = port(netB, "cn-2");
            assertThat(h2.next()).isEqualTo("port_add " + p2);

            // An interface: routers_updated to the L3 agent of every compute node with ports on the subnet.
            addInterface(router, subnetA);
            assertThat(h1.next()).isEqualTo("routers_updated [" + router + "]");
            addInterface(router, subnetB);
            assertThat(h1.next()).isEqualTo("routers_updated [" + router + "]");
            assertThat(h2.next()).isEqualTo("routers_updated [" + router + "]");

            NeutronAgentChannelGrpc.NeutronAgentChannelBlockingStub stub = NeutronAgentChannelGrpc.newBlockingStub(channel);
            NeutronRouter synced = stub.syncRouters(SyncRoutersRequest.newBuilder().setHost("cn-1").addRouterIds(router)
                    .addRouterIds("no-such-router").build()).getRouters(0);
            assertThat(synced.getDlrId()).isEqualTo(net.dlrOf(router).get("id").asText());
            assertThat(synced.getInterfacesList()).extracting(RouterInterface::getSubnetId)
                    .containsExactlyInAnyOrder(subnetA, subnetB);
            RouterInterface onA = synced.getInterfacesList().stream().filter(i -> i.getSubnetId().equals(subnetA)).findFirst()
                    .orElseThrow();
            assertThat(onA.getVni()).isEqualTo(net.logicalSwitchOf(netA).get("vni").asInt());
            assertThat(org.netweave.model.Ipv4Address.of(onA.getIp())).hasToString("10.31.1.1");
            assertThat(onA.getPrefixLength()).isEqualTo(24);
            assertThat(stub.getPortsBySubnet(SubnetPortsRequest.newBuilder().setSubnetId(subnetA).build()).getPortsList())
                    .extracting(NeutronPort::getId).containsExactly(p1);

            // A VM port on a DVR subnet: port_add to the L3 agents of every host holding the router.
            String p3 = port(netA, "cn-2");
            assertThat(h1.next()).isEqualTo("port_add " + p3);
            assertThat(h2.next()).isEqualTo("port_add " + p3);
            assertThat(stub.getPortsOnHostBySubnet(SubnetPortsRequest.newBuilder().setSubnetId(subnetA).setHost("cn-2")
                    .build()).getPortsList()).extracting(NeutronPort::getId).containsExactly(p3);
            assertThat(stub.getDevicesOnHost(AgentHello.newBuilder().setHost("cn-2").build()).getPortsList())
                    .extracting(NeutronPort::getId).containsExactlyInAnyOrder(p2, p3);

            // Deleting cn-1's only port: port_delete everywhere, then cn-1 no longer holds the router.
            assertThat(net.neutron.delete("/v2.0/ports/" + p1).status()).isEqualTo(204);
            assertThat(h1.next()).isEqualTo("port_delete " + p1);
            assertThat(h1.next()).isEqualTo("router_removed " + router);
            assertThat(h2.next()).isEqualTo("port_delete " + p1);

            // Removing an interface: routers_updated to the hosts that hold the router.
            assertThat(net.neutron.put("/v2.0/routers/" + router + "/remove_router_interface",
                    "{\"subnet_id\":\"" + subnetB + "\"}").status()).isEqualTo(200);
            assertThat(h2.next()).isEqualTo("routers_updated [" + router + "]");

            // cn-3 heard nothing; a new stream of cn-2 starts with what it holds.
            try (Agents again = subscribe("cn-2")) {
                assertThat(again.next()).isEqualTo("routers_updated [" + router + "] full");
            }
            // Nothing else came: a port on the unrouted network reaches only its own host, and is the next thing each hears.
            for (Agents host : List.of(h1, h2, h3)) {
                String marker = port(netB, host == h1 ? "cn-1" : host == h2 ? "cn-2" : "cn-3");
                assertThat(host.next()).isEqualTo("port_add " + marker);
            }
        }
    }

    /** The agents follow the store, not the Neutron API: a logical switch deleted through /api/v1 takes its ports along. */
    @Test
    void portsTakenAlongByALogicalSwitchDeletedThroughTheNativeApiReachTheAgents() throws Exception {
        NeutronFixture net = NET.get();
        String network = net.network("native-delete");
        String logicalSwitch = net.logicalSwitchOf(network).get("id").asText();
        try (Agents h4 = subscribe("cn-4")) {
            assertThat(h4.next()).isEqualTo("routers_updated [] full");
            String p = port(network, "cn-4");
            assertThat(h4.next()).isEqualTo("port_add " + p);

            assertThat(net.api.delete("/logical-switches/" + logicalSwitch).status()).isEqualTo(200);
            assertThat(h4.next()).isEqualTo("port_delete " + p);
        }
    }

    private String port(String network, String host) {
        return NET.get().create("port", "{\"network_id\":\"" + network + "\",\"device_owner\":\"compute:nova\","
                + "\"binding:host_id\":\"" + host + "\"}").get("id").asText();
    }

    private void addInterface(String router, String subnet) {
        assertThat(NET.get().neutron.put("/v2.0/routers/" + router + "/add_router_interface",
                "{\"subnet_id\":\"" + subnet + "\"}").status()).isEqualTo(200);
    }

    private static Agents subscribe(String host) {
        Agents agents = new Agents();
        agents.context.run(() -> NeutronAgentChannelGrpc.newStub(channel)
                .subscribe(AgentHello.newBuilder().setHost(host).build(), agents));
        return agents;
    }

    /** One host's stream: its notifications as one line each. */
    private static final class Agents implements StreamObserver<AgentNotification>, AutoCloseable {
        private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        private final Context.CancellableContext context = Context.current().withCancellation();

        String next() throws InterruptedException {
            String line = received.poll(10, TimeUnit.SECONDS);
            assertThat(line).as("a notification within 10 s").isNotNull();
            return line;
        }

        @Override
        public void onNext(AgentNotification n) {
            received.add(switch (n.getKindCase()) {
                case ROUTERS_UPDATED -> "routers_updated " + n.getRoutersUpdated().getRouterIdsList()
                        + (n.getRoutersUpdated().getFullSync() ? " full" : "");
                case ROUTER_REMOVED -> "router_removed " + n.getRouterRemoved().getRouterId();
                case PORT_ADD -> "port_add " + n.getPortAdd().getId();
                case PORT_DELETE -> "port_delete " + n.getPortDelete().getId();
                case KIND_NOT_SET -> "?";
            });
        }

        @Override
        public void onError(Throwable t) {
        }

        @Override
        public void onCompleted() {
        }

        @Override
        public void close() {
            context.cancel(null);
        }
    }
}
