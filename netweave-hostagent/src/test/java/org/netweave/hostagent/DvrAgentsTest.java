package org.netweave.hostagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netweave.proto.manager.v1.AgentHello;
import org.netweave.proto.manager.v1.NeutronAgentChannelGrpc;
import org.netweave.proto.manager.v1.NeutronPort;
import org.netweave.proto.manager.v1.NeutronRouter;
import org.netweave.proto.manager.v1.PortList;
import org.netweave.proto.manager.v1.RouterInterface;
import org.netweave.proto.manager.v1.RouterList;
import org.netweave.proto.manager.v1.SubnetPortsRequest;
import org.netweave.proto.manager.v1.SyncRoutersRequest;

/** The L3 and L2 agents against an in-process Neutron server whose answers the test sets. */
class DvrAgentsTest {
    private final Map<String, NeutronRouter> routers = new ConcurrentHashMap<>();
    private final Map<String, List<NeutronPort>> portsBySubnet = new ConcurrentHashMap<>();
    private final Set<String> failingSubnets = ConcurrentHashMap.newKeySet();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private Server server;
    private ManagedChannel channel;
    private DvrL2Agent l2;
    private DvrL3Agent l3;

    @BeforeEach
    void start() throws IOException {
        String name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).directExecutor().addService(new FakeNeutron()).build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        NeutronCalls calls = new NeutronCalls(channel);
        l2 = new DvrL2Agent("cn-1", calls, events::add);
        l3 = new DvrL3Agent("cn-1", calls, l2, events::add);
    }

    @AfterEach
    void stop() {
        channel.shutdownNow();
        server.shutdownNow();
    }

    @Test
    void aFullSyncFetchesEverySubnetsPortsAgainNotOnlyNewInterfaces() {
        routers.put("r", router("s-a"));
        portsBySubnet.put("s-a", List.of(port("p-1", "s-a", "cn-1")));
        l3.routersUpdated(List.of("r"), false);
        assertThat(l3.staticArp("r")).extracting(NeutronPort::getId).containsExactly("p-1");

        // While the stream was down p-1 went and p-2 came; the router itself did not change.
        portsBySubnet.put("s-a", List.of(port("p-2", "s-a", "cn-2")));
        l3.routersUpdated(List.of("r"), false);
        assertThat(l3.staticArp("r")).as("an unchanged router is not fetched again").extracting(NeutronPort::getId)
                .containsExactly("p-1");
        l3.routersUpdated(List.of("r"), true);

        assertThat(l3.staticArp("r")).extracting(NeutronPort::getId).containsExactly("p-2");
        assertThat(l2.dvrPorts().get("s-a")).isEmpty();
    }

    @Test
    void aFailedCallLeavesTheRouterAsItWas() {
        routers.put("r", router("s-a"));
        portsBySubnet.put("s-a", List.of(port("p-1", "s-a", "cn-1")));
        l3.routersUpdated(List.of("r"), false);

        routers.put("r", router("s-a", "s-b"));
        failingSubnets.add("s-b");
        assertThatThrownBy(() -> l3.routersUpdated(List.of("r"), false)).isInstanceOf(StatusRuntimeException.class);

        assertThat(l3.routers().get("r").getInterfacesList()).extracting(RouterInterface::getSubnetId).containsExactly("s-a");
        // Once the server answers, the new interface is plugged with its ports, and port_add for it is taken.
        failingSubnets.clear();
        portsBySubnet.put("s-b", List.of());
        l3.routersUpdated(List.of("r"), true);
        l3.portAdd(port("p-3", "s-b", "cn-1"));
        l2.portAdd(port("p-3", "s-b", "cn-1"));
        assertThat(l3.staticArp("r")).extracting(NeutronPort::getId).containsExactlyInAnyOrder("p-1", "p-3");
        assertThat(l2.dvrPorts().get("s-b")).containsExactly("p-3");
        assertThat(l2.devices()).containsKey("p-3");
    }

    @Test
    void removingAnInterfaceUnplugsItAndDropsItsEntriesAndDvrPorts() {
        routers.put("r", router("s-a", "s-b"));
        portsBySubnet.put("s-a", List.of(port("p-1", "s-a", "cn-1")));
        portsBySubnet.put("s-b", List.of(port("p-2", "s-b", "cn-1")));
        l3.routersUpdated(List.of("r"), false);
        assertThat(l2.dvrPorts()).containsOnlyKeys("s-a", "s-b");

        routers.put("r", router("s-a"));
        l3.routersUpdated(List.of("r"), false);

        assertThat(l3.staticArp("r")).extracting(NeutronPort::getId).containsExactly("p-1");
        assertThat(l2.dvrPorts()).containsOnlyKeys("s-a");
        assertThat(events).anyMatch(e -> e.startsWith("l3: router r: unplugged gw-s-b from br-int, 1 static ARP"));
        // A port_add for the unplugged subnet has no router here to go to.
        l3.portAdd(port("p-4", "s-b", "cn-2"));
        assertThat(l3.staticArp("r")).extracting(NeutronPort::getId).containsExactly("p-1");

        routers.remove("r");
        l3.routersUpdated(List.of("r"), false);
        assertThat(l3.routers()).isEmpty();
        assertThat(l2.dvrPorts()).isEmpty();
    }

    private static NeutronRouter router(String... subnets) {
        NeutronRouter.Builder r = NeutronRouter.newBuilder().setId("r").setDlrId("dlr-r").setDistributed(true);
        int i = 1;
        for (String s : subnets) {
            r.addInterfaces(RouterInterface.newBuilder().setPortId("gw-" + s).setSubnetId(s).setVni(5000 + i)
                    .setIp(0x0A000001 + (i++ << 8)).setPrefixLength(24));
        }
        return r.build();
    }

    private static NeutronPort port(String id, String subnet, String host) {
        int n = Integer.parseInt(id.substring(2));
        return NeutronPort.newBuilder().setId(id).setSubnetId(subnet).setHost(host).setVni(5001)
                .setIp(0x0A000000 + 10 + n).setMac(0x02_00_00_00_00_00L + n).build();
    }

    private final class FakeNeutron extends NeutronAgentChannelGrpc.NeutronAgentChannelImplBase {
        @Override
        public void syncRouters(SyncRoutersRequest request, StreamObserver<RouterList> observer) {
            RouterList.Builder list = RouterList.newBuilder();
            request.getRouterIdsList().stream().map(routers::get).filter(r -> r != null).forEach(list::addRouters);
            observer.onNext(list.build());
            observer.onCompleted();
        }

        @Override
        public void getPortsBySubnet(SubnetPortsRequest request, StreamObserver<PortList> observer) {
            if (failingSubnets.contains(request.getSubnetId())) {
                observer.onError(Status.UNAVAILABLE.withDescription("busy").asRuntimeException());
                return;
            }
            observer.onNext(PortList.newBuilder().addAllPorts(portsBySubnet.getOrDefault(request.getSubnetId(), List.of()))
                    .build());
            observer.onCompleted();
        }

        @Override
        public void getPortsOnHostBySubnet(SubnetPortsRequest request, StreamObserver<PortList> observer) {
            List<NeutronPort> local = new ArrayList<>();
            portsBySubnet.getOrDefault(request.getSubnetId(), List.of()).stream()
                    .filter(p -> p.getHost().equals(request.getHost())).forEach(local::add);
            observer.onNext(PortList.newBuilder().addAllPorts(local).build());
            observer.onCompleted();
        }

        @Override
        public void getDevicesOnHost(AgentHello request, StreamObserver<PortList> observer) {
            observer.onNext(PortList.getDefaultInstance());
            observer.onCompleted();
        }
    }
}
