package org.netweave.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.controller.client.ControllerChannels;
import org.netweave.controller.client.HostSession;
import org.netweave.controller.slice.SliceSpace;
import org.netweave.controller.zk.ZkTuning;
import org.netweave.dataplane.DatapathTables.MacEntry;
import org.netweave.dataplane.DatapathTables.MacLocation;
import org.netweave.dataplane.DatapathTables.NeighbourRow;
import org.netweave.dataplane.DatapathTables.RouteRow;
import org.netweave.dataplane.DatapathTables.RouterTable;
import org.netweave.dataplane.DatapathTables.SwitchTable;
import org.netweave.dataplane.DatapathTables;
import org.netweave.dataplane.HostDatapathConfig;
import org.netweave.dataplane.Lif;
import org.netweave.dataplane.LifType;
import org.netweave.dataplane.LogicalSwitchSpec;
import org.netweave.dataplane.VtepRecord;
import org.netweave.manager.Manager;
import org.netweave.manager.ManagerExtensions;
import org.netweave.manager.ManagerSettings;
import org.netweave.manager.controllers.EmbeddedControllerFleet;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.LifId;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;
import org.netweave.pki.ComponentIdentity;
import org.netweave.proto.controller.v1.Vtep;

/**
 * The NSX table views from the command line against a manager with one controller, a logical
 * switch a host session joined with a VM, and a host tables source serving a host's datapath
 * tables: each command prints NSX's columns, and {@code --json} the API's answer.
 */
class TableViewCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MacAddress VM_MAC = MacAddress.parse("00:50:56:00:01:0a");

    @TempDir
    static Path dir;

    private static Manager manager;
    private static String api;
    private static String host;
    private static int vni;
    private static ControllerChannels channels;
    private static HostSession session;

    @BeforeAll
    static void start() throws Exception {
        manager = Manager.start(ManagerSettings.local(dir.resolve("manager")).withoutApiAuth(), EmbeddedControllerFleet.create(
                        dir.resolve("controllers"), ZkTuning.ofTick(Duration.ofMillis(200)), Duration.ofSeconds(2)),
                new ManagerExtensions(id -> Optional.of(tables(id)), m -> List.of()));
        api = "http://127.0.0.1:" + manager.apiPort() + "/api/v1";
        post("/controllers", "{}");
        await().atMost(Duration.ofSeconds(60)).until(() -> run("controller", "list").out().contains("RUNNING"));
        String dc = post("/datacenters", "{\"name\":\"dc-1\"}").path("id").asText();
        String pool = post("/ip-pools", "{\"name\":\"vtep-pool\",\"start\":\"127.0.1.1\",\"end\":\"127.0.1.100\","
                + "\"prefixLength\":24}").path("id").asText();
        String cluster = post("/clusters", "{\"datacenterId\":\"" + dc + "\",\"name\":\"cluster-1\"}").path("id").asText();
        host = post("/hosts", "{\"clusterId\":\"" + cluster + "\",\"name\":\"esx-1\",\"managementIp\":\"192.0.2.1\","
                + "\"vmkernelPorts\":[{\"device\":\"vmk0\",\"ip\":\"192.0.2.1\",\"prefixLength\":24,"
                + "\"services\":[\"MANAGEMENT\"]}]}").path("id").asText();
        post("/clusters/" + cluster + "/prepare", "{\"ipPoolId\":\"" + pool + "\"}");
        post("/segment-pools", "{\"name\":\"segments\",\"begin\":5000,\"end\":5999}");
        String zone = post("/transport-zones", "{\"name\":\"tz-1\",\"replicationMode\":\"UNICAST\",\"clusterIds\":[\""
                + cluster + "\"]}").path("id").asText();
        String web = post("/logical-switches", "{\"name\":\"web\",\"transportZoneId\":\"" + zone + "\"}").path("id").asText();
        vni = get("/logical-switches/" + web).path("vni").asInt();
        // The VM the test's host session reports: the controllers take only what the manager placed.
        String vm = post("/vms", "{\"name\":\"vm-web\",\"hostId\":\"" + host + "\",\"vnics\":[{\"mac\":\"" + VM_MAC
                + "\",\"ip\":\"10.0.1.10\"}]}").path("id").asText();
        put("/vms/" + vm + "/vnics/0", "{\"logicalSwitchId\":\"" + web + "\"}");

        String controller = get("/controllers").get(0).path("address").asText();
        channels = new ControllerChannels(manager.transportFor(ComponentIdentity.host(HostId.of(host))));
        Vtep vtep = Vtep.newBuilder().setIp(Ipv4Address.parse("172.31.1.5").value())
                .setSegment(org.netweave.proto.controller.v1.Ipv4Prefix.newBuilder()
                        .setAddress(Ipv4Address.parse("172.31.1.0").value()).setLength(24))
                .setMac(MacAddress.parse("02:50:56:bb:00:05").value()).build();
        session = new HostSession(HostId.of(host), Ipv4Address.parse("192.0.2.1"), 40_005, vtep, List.of(controller),
                channels, SliceSpace.DEFAULT);
        session.start();
        session.joinVni(Vni.of(vni), new HostSession.VniBindings(Set.of(VM_MAC),
                Map.of(Ipv4Address.parse("10.0.1.10"), VM_MAC)));
        await().atMost(Duration.ofSeconds(60)).until(session::isSettled);
    }

    @AfterAll
    static void stop() {
        session.close();
        channels.close();
        manager.close();
    }

    /** What the host tables source serves for any host: one switch and one DLR. */
    static DatapathTables tables(HostId id) {
        MacAddress vmac = MacAddress.parse("02:50:56:56:44:52");
        HostDatapathConfig config = new HostDatapathConfig(id, Ipv4Address.parse("127.0.1.1"),
                Ipv4Prefix.parse("127.0.1.0/24"), MacAddress.parse("02:50:56:bb:00:01"),
                MacAddress.parse("02:50:56:00:01:01"), HostDatapathConfig.DEFAULT_VXLAN_PORT);
        Lif lif = new Lif(LifId.of("lif-1"), LifType.INTERNAL, Vni.of(5001), Ipv4InterfaceAddress.parse("10.0.1.1/24"),
                vmac, false);
        return new DatapathTables(config,
                List.of(new SwitchTable(LogicalSwitchSpec.unicast(Vni.of(5001)),
                        List.of(new VtepRecord(Ipv4Address.parse("127.0.1.2"), Ipv4Prefix.parse("127.0.1.0/24"))),
                        List.of(), List.of(new MacEntry(VM_MAC, MacLocation.LOCAL_PORT, "vm-1.000", false)),
                        Map.of(Ipv4Address.parse("10.0.1.10"), VM_MAC))),
                List.of(),
                List.of(new RouterTable(DlrId.of("edge-1"), List.of(lif),
                        List.of(new RouteRow(Ipv4Prefix.parse("10.0.1.0/24"), null, lif.id(), "UCI"),
                                new RouteRow(Ipv4Prefix.parse("0.0.0.0/0"), Ipv4Address.parse("10.0.1.254"), lif.id(), "UG")),
                        List.of(new NeighbourRow(Ipv4Address.parse("10.0.1.1"), vmac, lif.id(), "VI")))),
                List.of());
    }

    static CliRun run(String... args) {
        return CliRun.of(api, args);
    }

    private static JsonNode post(String path, String body) throws Exception {
        return send(path, "POST", body);
    }

    private static JsonNode put(String path, String body) throws Exception {
        return send(path, "PUT", body);
    }

    private static JsonNode send(String path, String method, String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api + path))
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isBetween(200, 202);
        return JSON.readTree(response.body());
    }

    private static JsonNode get(String path) throws Exception {
        return JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    @Test
    void controlClusterLogicalSwitchesVniNamesTheMasterAndItsCounts() {
        CliRun shown = run("show", "control-cluster", "logical-switches", "vni", String.valueOf(vni));
        assertThat(shown.exit()).as(shown.err()).isZero();
        assertThat(shown.out().lines().toList()).hasSize(2);
        assertThat(shown.out().lines().findFirst().orElseThrow().split("\\s+"))
                .containsExactly("VNI", "Controller", "BUM-Replication", "ARP-Proxy", "Connections", "VTEPs");
        assertThat(shown.out().lines().skip(1).findFirst().orElseThrow().split("\\s+"))
                .startsWith(String.valueOf(vni), "controller-1", "Unicast").endsWith("1", "1");
    }

    @Test
    void logicalSwitchControllerTablesPrintTheRowsTheHostReported() {
        CliRun mac = run("show", "logical-switch", "controller", "controller-1", "vni", String.valueOf(vni), "mac");
        assertThat(mac.exit()).as(mac.err()).isZero();
        assertThat(mac.out()).startsWith("VNI").contains("MAC", "VTEP-IP", "Connection-ID")
                .contains(vni + "  " + VM_MAC + "  172.31.1.5").doesNotContain("Note:");
        assertThat(run("show", "logical-switch", "controller", "controller-1", "vni", String.valueOf(vni), "arp").out())
                .contains("10.0.1.10", VM_MAC.toString());
        assertThat(run("show", "logical-switch", "controller", "controller-1", "vni", String.valueOf(vni), "vtep").out())
                .contains("Segment", "172.31.1.5", "172.31.1.0/24", "02:50:56:bb:00:05");
        assertThat(run("show", "logical-switch", "controller", "controller-1", "vni", String.valueOf(vni), "connection")
                .out()).startsWith("Host-IP").contains("192.0.2.1", "40005");
        CliRun json = run("show", "logical-switch", "controller", "controller-1", "vni", String.valueOf(vni), "mac", "--json");
        assertThat(json.out()).contains("\"owner\" : true", "\"ownerId\" : \"controller-1\"");
    }

    @Test
    void hostViewsPrintTheDatapathsTables() {
        assertThat(run("show", "logical-switch", "host", host, "vni", "5001", "mac").out()).isEqualTo("""
                VNI   Inner-MAC          Location    Where     Learned
                5001  00:50:56:00:01:0a  LOCAL_PORT  vm-1.000  no
                """);
        assertThat(run("show", "logical-switch", "host", host, "vni", "5001", "vtep").out()).isEqualTo("""
                VNI   IP         Segment       Kind
                5001  127.0.1.2  127.0.1.0/24  HOST
                """);
        assertThat(run("show", "logical-router", "host", host, "dlr", "edge-1", "route").out()).isEqualTo("""
                Destination  GenMask        Gateway     Flags  Origin  Interface
                0.0.0.0      0.0.0.0        10.0.1.254  UG     AUTO    lif-1
                10.0.1.0     255.255.255.0  0.0.0.0     UCI    MANUAL  lif-1
                """);
        assertThat(run("show", "logical-router", "host", host, "dlr", "edge-1", "interface").out())
                .contains("Vxlan:5001", "10.0.1.1/24", "INTERNAL");
        assertThat(run("show", "logical-router", "host", host, "dlr", "edge-1", "arp").out()).isEqualTo("""
                Network   Mac                Flags  Interface
                10.0.1.1  02:50:56:56:44:52  VI     lif-1
                """);
    }

    @Test
    void refusalsAreOneLineWithExitTwo() {
        CliRun noDlr = run("show", "logical-router", "controller", "master", "dlr", "edge-99", "route");
        assertThat(noDlr.exit()).isEqualTo(2);
        assertThat(noDlr.err()).contains("edge-99", "404").doesNotContain("Exception");
        CliRun badVni = run("show", "control-cluster", "logical-switches", "vni", "12");
        assertThat(badVni.exit()).isEqualTo(2);
        assertThat(badVni.err()).contains("400, field vni");
        CliRun noView = run("show", "control-cluster");
        assertThat(noView.exit()).isEqualTo(2);
        assertThat(noView.err()).contains("Missing required parameter: '<view>'");
        CliRun badWord = run("show", "logical-switch", "controller", "controller-1", "vni", String.valueOf(vni), "macs");
        assertThat(badWord.exit()).isEqualTo(2);
        assertThat(badWord.err()).contains("expected one of mac|arp|vtep|connection, not 'macs'");
    }
}
