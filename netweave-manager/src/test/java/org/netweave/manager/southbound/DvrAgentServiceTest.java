package org.netweave.manager.southbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.controller.zk.ZkTuning;
import org.netweave.manager.Manager;
import org.netweave.manager.ManagerSettings;
import org.netweave.manager.controllers.EmbeddedControllerFleet;
import org.netweave.manager.testing.ApiClient;
import org.netweave.manager.testing.LabTopology;
import org.netweave.model.HostId;
import org.netweave.pki.ComponentIdentity;
import org.netweave.pki.ComponentKind;
import org.netweave.proto.manager.v1.DvrAgentChannelGrpc;
import org.netweave.proto.manager.v1.DvrMac;
import org.netweave.proto.manager.v1.DvrMacListRequest;
import org.netweave.proto.manager.v1.DvrMacRequest;

/**
 * Neutron's get_dvr_mac_address_by_host and get_dvr_mac_address_list over the real southbound
 * channel: a prepared host's DVR MAC is the router MAC preparation gave it, the same at every ask,
 * distinct per host; an unknown or unprepared host gets a clear status.
 */
@Tag("embedded-zookeeper")
class DvrAgentServiceTest {
    @TempDir
    Path dir;

    private Manager manager;
    private ApiClient api;
    private ManagedChannel channel;
    private DvrAgentChannelGrpc.DvrAgentChannelBlockingStub dvr;

    @BeforeEach
    void start() throws Exception {
        manager = Manager.start(ManagerSettings.local(dir.resolve("manager")).withoutApiAuth(), EmbeddedControllerFleet.create(
                dir.resolve("controllers"), ZkTuning.ofTick(Duration.ofMillis(200)), Duration.ofSeconds(2)));
        api = new ApiClient(manager.apiPort());
        // The Neutron agents run on hosts: the manager takes their calls with a host's certificate.
        channel = Grpc.newChannelBuilderForAddress("127.0.0.1", manager.southboundPort(),
                manager.transportFor(ComponentIdentity.host(HostId.of("host-1"))).channelCredentials(ComponentKind.MANAGER)).build();
        dvr = DvrAgentChannelGrpc.newBlockingStub(channel);
    }

    @AfterEach
    void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        manager.close();
    }

    @Test
    void aPreparedHostsDvrMacIsItsRouterMacAndTheListHasEveryHost() {
        LabTopology lab = new LabTopology(api).compute(2, 1);

        for (String host : lab.hosts) {
            DvrMac first = dvr.getDvrMacAddress(DvrMacRequest.newBuilder().setHost(host).build());
            DvrMac again = dvr.getDvrMacAddress(DvrMacRequest.newBuilder().setHost(host).build());
            assertThat(first.getMacAddress()).isEqualTo(api.get("/hosts/" + host).at("/routerMac").asText())
                    .isEqualTo(again.getMacAddress());
        }
        var list = dvr.getDvrMacAddressList(DvrMacListRequest.getDefaultInstance()).getMacsList();
        assertThat(list).extracting(DvrMac::getHost).containsExactlyInAnyOrderElementsOf(lab.hosts);
        assertThat(list).extracting(DvrMac::getMacAddress).doesNotHaveDuplicates();
    }

    @Test
    void anUnknownHostIsNotFoundAndAnUnpreparedOneHasNoDvrMacYet() {
        new LabTopology(api).compute(1);
        // Hosts added to a prepared cluster are prepared as they come, so the unprepared one goes
        // into a cluster of its own that nobody prepared.
        String datacenter = api.get("/datacenters").body().get(0).path("id").asText();
        String cluster = api.post("/clusters", "{\"datacenterId\":\"" + datacenter + "\",\"name\":\"unprepared\"}")
                .at("/id").asText();
        String unprepared = api.post("/hosts", "{\"clusterId\":\"" + cluster + "\",\"name\":\"esx-9\","
                + "\"managementIp\":\"192.0.2.9\",\"vmkernelPorts\":[{\"device\":\"vmk0\",\"ip\":\"192.0.2.9\","
                + "\"prefixLength\":24,\"services\":[\"MANAGEMENT\"]}]}").at("/id").asText();

        assertThatThrownBy(() -> dvr.getDvrMacAddress(DvrMacRequest.newBuilder().setHost("host-99").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        assertThatThrownBy(() -> dvr.getDvrMacAddress(DvrMacRequest.newBuilder().setHost(unprepared).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION));
        assertThat(dvr.getDvrMacAddressList(DvrMacListRequest.getDefaultInstance()).getMacsList())
                .extracting(DvrMac::getHost).doesNotContain(unprepared);
    }
}
