package org.netweave.manager.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.controller.client.ControllerChannels;
import org.netweave.controller.client.HostSession;
import org.netweave.controller.slice.SliceSpace;
import org.netweave.controller.zk.ZkTuning;
import org.netweave.manager.Manager;
import org.netweave.manager.ManagerSettings;
import org.netweave.manager.controllers.EmbeddedControllerFleet;
import org.netweave.manager.testing.ApiClient;
import org.netweave.manager.testing.HostAgents;
import org.netweave.manager.testing.LabTopology;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;
import org.netweave.pki.ComponentIdentity;
import org.netweave.proto.controller.v1.ControlVmChannelGrpc;
import org.netweave.proto.controller.v1.ControllerMessage;
import org.netweave.proto.controller.v1.ForwardingTable;
import org.netweave.proto.controller.v1.GetAssignmentsRequest;
import org.netweave.proto.controller.v1.Hello;
import org.netweave.proto.controller.v1.HostChannelGrpc;
import org.netweave.proto.controller.v1.HostMessage;
import org.netweave.proto.controller.v1.Ipv4Prefix;
import org.netweave.proto.controller.v1.ManagerChannelGrpc;
import org.netweave.proto.controller.v1.Vtep;

/**
 * The controller table views through the API against two real embedded controllers, hosts
 * following their configuration, a deployed DLR and a host session that joined a VNI with a VM
 * (the host agents here run no datapath, so they join DLRs only): the VNI's master and its counts, one
 * controller's tables (the master's rows, a non-master's empty tables and note), the DLR's routes
 * at its master, and the refusals naming the field.
 */
@Tag("embedded-zookeeper")
class ControllerTableViewsApiTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final MacAddress VM_MAC = MacAddress.parse("00:50:56:00:01:0a");
    private static final Ipv4Address VM_IP = Ipv4Address.parse("10.0.1.10");

    @TempDir
    static Path dir;

    private static Manager manager;
    private static ApiClient api;
    private static LabTopology lab;
    private static HostAgents agents;
    /** Each host's channels to the controllers, with its own certificate. */
    private static final Map<String, ControllerChannels> channels = new java.util.concurrent.ConcurrentHashMap<>();
    private static HostSession vmHost;
    private static String dlr;
    private static int vni;

    @BeforeAll
    static void start() throws Exception {
        manager = Manager.start(ManagerSettings.local(dir.resolve("manager")).withoutApiAuth(),
                EmbeddedControllerFleet.create(dir.resolve("controllers"), ZkTuning.ofTick(Duration.ofMillis(200)),
                        Duration.ofSeconds(2)));
        api = new ApiClient(manager.apiPort());
        lab = new LabTopology(api).controllers(2).compute(2).logicalSwitches("web", "app");
        agents = new HostAgents(manager, lab.hosts);
        var accepted = api.post("/dlrs", "{\"name\":\"tenant-router\",\"controlVm\":{\"haEnabled\":false},\"interfaces\":["
                + "{\"name\":\"web\",\"type\":\"INTERNAL\",\"logicalSwitchId\":\"" + lab.logicalSwitches.get(0)
                + "\",\"address\":\"10.0.1.1/24\"},"
                + "{\"name\":\"app\",\"type\":\"INTERNAL\",\"logicalSwitchId\":\"" + lab.logicalSwitches.get(1)
                + "\",\"address\":\"10.0.2.1/24\"}],"
                + "\"staticRoutes\":[{\"network\":\"192.168.10.0/24\",\"nextHop\":\"10.0.1.254\"}]}");
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        dlr = accepted.at("/dlrId").asText();
        lab.awaitJob(accepted.at("/jobId").asText(), "SUCCEEDED");
        vni = api.get("/logical-switches/" + lab.logicalSwitches.get(0)).at("/vni").asInt();
        // The VM the test's host session reports: the controllers take only what the manager placed.
        String vm = api.post("/vms", "{\"name\":\"vm-web\",\"hostId\":\"" + lab.hosts.get(0) + "\",\"vnics\":[{\"mac\":\""
                + VM_MAC + "\",\"ip\":\"" + VM_IP + "\"}]}").at("/id").asText();
        assertThat(api.put("/vms/" + vm + "/vnics/0", "{\"logicalSwitchId\":\"" + lab.logicalSwitches.get(0) + "\"}")
                .status()).isEqualTo(200);
        List<String> addresses = new ArrayList<>();
        api.get("/controllers").body().forEach(c -> addresses.add(c.at("/address").asText()));
        Vtep vtep = Vtep.newBuilder().setIp(Ipv4Address.parse("172.31.1.5").value())
                .setSegment(Ipv4Prefix.newBuilder().setAddress(Ipv4Address.parse("172.31.1.0").value()).setLength(24))
                .setMac(MacAddress.parse("02:50:56:bb:00:05").value()).build();
        vmHost = new HostSession(HostId.of(lab.hosts.get(0)), Ipv4Address.parse("192.0.2.1"), 40_005, vtep, addresses,
                channels(lab.hosts.get(0)), SliceSpace.DEFAULT);
        vmHost.start();
        vmHost.joinVni(Vni.of(vni), new HostSession.VniBindings(Set.of(VM_MAC), Map.of(VM_IP, VM_MAC)));
        await().atMost(WAIT).until(vmHost::isSettled);
    }

    @AfterAll
    static void stop() throws Exception {
        vmHost.close();
        channels.values().forEach(ControllerChannels::close);
        agents.close();
        manager.close();
    }

    private static List<String> controllerIds() {
        List<String> ids = new ArrayList<>();
        api.get("/controllers").body().forEach(c -> ids.add(c.at("/id").asText()));
        return ids;
    }

    @Test
    void theVnisMasterReportsItsCountsAndIsTheOneControllerHoldingItsTables() {
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(api.get("/logical-switches/vni/" + vni + "/controller").at("/vteps").asInt()).isEqualTo(1));
        JsonNode summary = api.get("/logical-switches/vni/" + vni + "/controller").body();
        String master = summary.at("/controllerId").asText();
        assertThat(summary.at("/connections").asInt()).isEqualTo(1);
        assertThat(summary.at("/replicationMode").asText()).isEqualTo("UNICAST");
        assertThat(summary.at("/present").asBoolean()).isTrue();

        JsonNode atMaster = api.get("/controllers/" + master + "/logical-switches/" + vni).body();
        assertThat(atMaster.at("/owner").asBoolean()).isTrue();
        assertThat(atMaster.at("/note").isNull()).isTrue();
        int connection = atMaster.at("/connections/0/id").asInt();
        assertThat(atMaster.at("/connections/0/hostId").asText()).isEqualTo(lab.hosts.get(0));
        assertThat(atMaster.at("/connections/0/hostIp").asText()).isEqualTo("192.0.2.1");
        assertThat(atMaster.at("/vteps/0/ip").asText()).isEqualTo("172.31.1.5");
        assertThat(atMaster.at("/vteps/0/segment").asText()).isEqualTo("172.31.1.0/24");
        assertThat(atMaster.at("/macs/0/mac").asText()).isEqualTo(VM_MAC.toString());
        assertThat(atMaster.at("/macs/0/vtepIp").asText()).isEqualTo("172.31.1.5");
        assertThat(atMaster.at("/macs/0/connectionId").asInt()).isEqualTo(connection);
        assertThat(atMaster.at("/arps/0/ip").asText()).isEqualTo("10.0.1.10");

        String other = controllerIds().stream().filter(id -> !id.equals(master)).findFirst().orElseThrow();
        var elsewhere = api.get("/controllers/" + other + "/logical-switches/" + vni);
        assertThat(elsewhere.status()).isEqualTo(200);
        assertThat(elsewhere.at("/owner").asBoolean()).isFalse();
        assertThat(elsewhere.at("/ownerId").asText()).isEqualTo(master);
        assertThat(elsewhere.at("/note").asText()).contains(other + " is not the master of VNI " + vni, master);
        assertThat(elsewhere.at("/vteps")).isEmpty();
        assertThat(elsewhere.at("/macs")).isEmpty();
        assertThat(elsewhere.at("/connections")).isEmpty();
    }

    @Test
    void theControllersRefuseWhatTheManagerDidNotPlaceAndCountIt() {
        int app = api.get("/logical-switches/" + lab.logicalSwitches.get(1)).at("/vni").asInt();
        Vtep vtep = Vtep.newBuilder().setIp(Ipv4Address.parse("172.31.1.6").value())
                .setSegment(Ipv4Prefix.newBuilder().setAddress(Ipv4Address.parse("172.31.1.0").value()).setLength(24))
                .setMac(MacAddress.parse("02:50:56:bb:00:06").value()).build();
        List<String> addresses = new ArrayList<>();
        api.get("/controllers").body().forEach(c -> addresses.add(c.at("/address").asText()));
        // The second host is spanned by "app" but holds no VM there: it claims the web VM and binds its IP.
        try (HostSession hostile = new HostSession(HostId.of(lab.hosts.get(1)), Ipv4Address.parse("192.0.2.2"), 40_006,
                vtep, addresses, channels(lab.hosts.get(1)), SliceSpace.DEFAULT);
             HostSession stranger = new HostSession(HostId.of("host-99"), Ipv4Address.parse("192.0.2.99"), 40_099,
                     vtep.toBuilder().setIp(Ipv4Address.parse("172.31.1.99").value()).build(), addresses, channels("host-99"),
                     SliceSpace.DEFAULT)) {
            hostile.start();
            stranger.start();
            hostile.joinVni(Vni.of(app), new HostSession.VniBindings(Set.of(VM_MAC), Map.of(VM_IP, VM_MAC)));
            stranger.joinVni(Vni.of(app), new HostSession.VniBindings(Set.of(), Map.of()));
            await().atMost(WAIT).untilAsserted(() -> assertThat(refused())
                    .containsEntry("mac-not-held", 1L).containsEntry("ip-not-held", 1L).containsEntry("vni-not-spanned", 1L));
            assertThat(hostile.isSettled()).as("a spanned host's join is admitted").isTrue();
            assertThat(stranger.vniTables()).as("a host the switch does not span gets no tables").doesNotContainKey(Vni.of(app));
            JsonNode atMaster = api.get("/controllers/" + api.get("/logical-switches/vni/" + app + "/controller")
                    .at("/controllerId").asText() + "/logical-switches/" + app).body();
            assertThat(atMaster.at("/macs")).as("nobody holds a VM on app").isEmpty();
            assertThat(atMaster.at("/arps")).isEmpty();
        }
    }

    /** Refused host claims by reason, summed over the controllers. */
    private static Map<String, Long> refused() {
        Map<String, Long> sum = new java.util.TreeMap<>();
        api.get("/controllers").body().forEach(c -> c.at("/runtime/refusedHostClaims").properties()
                .forEach(e -> sum.merge(e.getKey(), e.getValue().asLong(), Long::sum)));
        return sum;
    }

    @Test
    void theDlrsMasterHoldsTheConnectedSubnetsAndTheControlVmsRoutes() {
        await().atMost(WAIT).untilAsserted(() -> assertThat(api.get("/dlrs/" + dlr + "/controller-routes").at("/routes"))
                .anySatisfy(r -> assertThat(r.at("/destination").asText()).isEqualTo("192.168.10.0")));
        JsonNode view = api.get("/dlrs/" + dlr + "/controller-routes").body();
        assertThat(controllerIds()).contains(view.at("/controllerId").asText());
        assertThat(view.at("/controlVm").asText()).isNotEmpty();
        List<String> rows = new ArrayList<>();
        view.at("/routes").forEach(r -> rows.add(String.join(" ", r.at("/destination").asText(), r.at("/genMask").asText(),
                r.at("/gateway").asText(), r.at("/flags").asText(), r.at("/origin").asText())));
        assertThat(rows).containsExactly(
                "10.0.1.0 255.255.255.0 0.0.0.0 UCI MANUAL",
                "10.0.2.0 255.255.255.0 0.0.0.0 UCI MANUAL",
                "192.168.10.0 255.255.255.0 10.0.1.254 UG AUTO");
    }

    @Test
    void refusalsNameTheField() {
        assertRefused(api.get("/logical-switches/vni/abc/controller"), 400, "vni");
        assertRefused(api.get("/logical-switches/vni/12/controller"), 400, "vni");
        assertRefused(api.get("/logical-switches/vni/5999/controller"), 404, "vni");
        assertRefused(api.get("/controllers/controller-9/logical-switches/" + vni), 404, "id");
        assertRefused(api.get("/controllers/controller-1/logical-switches/99999999"), 400, "vni");
        assertRefused(api.get("/dlrs/edge-99/controller-routes"), 404, "id");
    }

    @Test
    void hostViewsAnswer503NamingWhyWhenTheManagerCannotAskHosts() {
        var reply = api.get("/hosts/" + lab.hosts.get(0) + "/logical-switches/" + vni);
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.at("/error").asText()).isEqualTo("unavailable");
        assertThat(reply.at("/message").asText()).contains("no way to read hosts' datapath tables");
        assertRefused(api.get("/hosts/host-99/dlrs/" + dlr), 404, "id");
    }

    private static void assertRefused(ApiClient.Reply reply, int status, String field) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.at("/field").asText()).as(reply.text()).isEqualTo(field);
        assertThat(reply.at("/message").asText()).isNotEmpty();
    }

    @Test
    void theControllersKnowEachCallerByItsCertificateAndLetItDoOnlyWhatItsKindMay() throws Exception {
        String address = api.get("/controllers").body().get(0).at("/address").asText();
        // host-2's certificate, host-1's name in the hello: the stream is closed.
        CompletableFuture<Status> closed = new CompletableFuture<>();
        StreamObserver<HostMessage> out = HostChannelGrpc.newStub(channels(lab.hosts.get(1)).channel(address))
                .connect(new StreamObserver<>() {
                    @Override
                    public void onNext(ControllerMessage message) {
                    }

                    @Override
                    public void onError(Throwable t) {
                        closed.complete(Status.fromThrowable(t));
                    }

                    @Override
                    public void onCompleted() {
                        closed.complete(Status.OK);
                    }
                });
        out.onNext(HostMessage.newBuilder().setHello(Hello.newBuilder().setHostId(lab.hosts.get(0))
                .setHostIp(Ipv4Address.parse("192.0.2.2").value()).setPort(40_007)).build());
        Status status = closed.get(30, TimeUnit.SECONDS);
        assertThat(status.getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(status.getDescription()).isEqualTo("host " + lab.hosts.get(1) + " may not act as host " + lab.hosts.get(0));

        // A host's certificate does not open what only the manager may call.
        assertThatThrownBy(() -> ManagerChannelGrpc.newBlockingStub(channels(lab.hosts.get(1)).channel(address))
                .withDeadlineAfter(30, TimeUnit.SECONDS).getAssignments(GetAssignmentsRequest.getDefaultInstance()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
                    assertThat(e.getStatus().getDescription()).contains("may not call netweave.controller.v1.ManagerChannel");
                });

        // A control VM pushes a forwarding table as itself only.
        ControllerChannels intruder = new ControllerChannels(manager.transportFor(ComponentIdentity.controlVm("vm-intruder")));
        try {
            assertThatThrownBy(() -> ControlVmChannelGrpc.newBlockingStub(intruder.channel(address))
                    .withDeadlineAfter(30, TimeUnit.SECONDS).pushForwardingTable(ForwardingTable.newBuilder().setDlrId(dlr)
                            .setControlVm("vm-1").build()))
                    .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
                        assertThat(e.getStatus().getDescription()).isEqualTo("control-vm vm-intruder may not act as control-vm vm-1");
                    });
        } finally {
            intruder.close();
        }

        // Without a certificate the handshake fails: the controllers speak mutual TLS only.
        ManagedChannel plaintext = Grpc.newChannelBuilder(address, InsecureChannelCredentials.create()).build();
        try {
            assertThatThrownBy(() -> ManagerChannelGrpc.newBlockingStub(plaintext).withDeadlineAfter(30, TimeUnit.SECONDS)
                    .getAssignments(GetAssignmentsRequest.getDefaultInstance()))
                    .isInstanceOfSatisfying(StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
        } finally {
            plaintext.shutdownNow();
        }
    }

    private static ControllerChannels channels(String host) {
        return channels.computeIfAbsent(host, h -> new ControllerChannels(manager.transportFor(ComponentIdentity.host(HostId.of(h)))));
    }

}
