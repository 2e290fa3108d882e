package org.netweave.manager.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.controller.zk.ZkTuning;
import org.netweave.dataplane.DatapathTables;
import org.netweave.dataplane.DatapathTables.MacEntry;
import org.netweave.dataplane.DatapathTables.MacLocation;
import org.netweave.dataplane.DatapathTables.NeighbourRow;
import org.netweave.dataplane.DatapathTables.RouteRow;
import org.netweave.dataplane.DatapathTables.RouterTable;
import org.netweave.dataplane.DatapathTables.SwitchTable;
import org.netweave.dataplane.ExternalVtep;
import org.netweave.dataplane.HostDatapathConfig;
import org.netweave.dataplane.Lif;
import org.netweave.dataplane.LifType;
import org.netweave.dataplane.LogicalSwitchSpec;
import org.netweave.dataplane.VtepRecord;
import org.netweave.manager.Manager;
import org.netweave.manager.ManagerExtensions;
import org.netweave.manager.ManagerSettings;
import org.netweave.manager.controllers.EmbeddedControllerFleet;
import org.netweave.manager.hosttables.HostTablesSource;
import org.netweave.manager.testing.ApiClient;
import org.netweave.manager.testing.LabTopology;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.LifId;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;

/**
 * The host table views through the API, read from a host tables source that serves real
 * {@link DatapathTables} values for one host: rows sorted by key with net-vdl2/net-vdr's
 * columns, 404 for what the host does not hold, 503 for a known host the source cannot ask.
 */
@Tag("embedded-zookeeper")
class HostTableViewsApiTest {
    private static final Vni VNI = Vni.of(5001);
    private static final DlrId DLR = DlrId.of("edge-1");
    private static final MacAddress VMAC = MacAddress.parse("02:50:56:56:44:52");

    @TempDir
    static Path dir;

    private static Manager manager;
    private static ApiClient api;
    private static LabTopology lab;

    @BeforeAll
    static void start() throws Exception {
        String[] answering = new String[1];
        HostTablesSource source = host -> host.value().equals(answering[0]) ? Optional.of(tables(host)) : Optional.empty();
        manager = Manager.start(ManagerSettings.local(dir.resolve("manager")).withoutApiAuth(),
                EmbeddedControllerFleet.create(dir.resolve("controllers"), ZkTuning.ofTick(Duration.ofMillis(200)),
                        Duration.ofSeconds(2)), new ManagerExtensions(source, m -> List.of()));
        api = new ApiClient(manager.apiPort());
        lab = new LabTopology(api).compute(2);
        answering[0] = lab.hosts.get(0);
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    static DatapathTables tables(HostId host) {
        HostDatapathConfig config = new HostDatapathConfig(host, Ipv4Address.parse("127.0.1.1"),
                Ipv4Prefix.parse("127.0.1.0/24"), MacAddress.parse("02:50:56:bb:00:01"),
                MacAddress.parse("02:50:56:00:01:01"), HostDatapathConfig.DEFAULT_VXLAN_PORT);
        SwitchTable ls = new SwitchTable(LogicalSwitchSpec.unicast(VNI),
                List.of(new VtepRecord(Ipv4Address.parse("127.0.1.3"), Ipv4Prefix.parse("127.0.1.0/24")),
                        new VtepRecord(Ipv4Address.parse("127.0.1.2"), Ipv4Prefix.parse("127.0.1.0/24"))),
                List.of(new ExternalVtep(Ipv4Address.parse("127.0.2.9"), Map.of())),
                List.of(new MacEntry(MacAddress.parse("00:50:56:00:02:0a"), MacLocation.REMOTE_VTEP, "127.0.1.2", true),
                        new MacEntry(MacAddress.parse("00:50:56:00:01:0a"), MacLocation.LOCAL_PORT, "vm-1.000", false)),
                Map.of(Ipv4Address.parse("10.0.1.20"), MacAddress.parse("00:50:56:00:02:0a"),
                        Ipv4Address.parse("10.0.1.10"), MacAddress.parse("00:50:56:00:01:0a")));
        Lif lif = new Lif(LifId.of("lif-1"), LifType.INTERNAL, VNI, Ipv4InterfaceAddress.parse("10.0.1.1/24"), VMAC, true);
        RouterTable router = new RouterTable(DLR, List.of(lif),
                List.of(new RouteRow(Ipv4Prefix.parse("192.168.0.0/16"), Ipv4Address.parse("10.0.1.254"), lif.id(), "UG"),
                        new RouteRow(Ipv4Prefix.parse("10.0.1.0/24"), null, lif.id(), "UCI")),
                List.of(new NeighbourRow(Ipv4Address.parse("10.0.1.1"), VMAC, lif.id(), "VI"),
                        new NeighbourRow(Ipv4Address.parse("10.0.1.254"), MacAddress.parse("00:50:56:00:02:fe"), lif.id(), "V")));
        return new DatapathTables(config, List.of(ls), List.of(), List.of(router), List.of());
    }

    private static List<String> rows(JsonNode rows, String... fields) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> {
            List<String> cells = new ArrayList<>();
            for (String field : fields) {
                cells.add(r.path(field).asText());
            }
            out.add(String.join(" ", cells));
        });
        return out;
    }

    @Test
    void aHostsVniTablesAreSortedByKey() {
        var reply = api.get("/hosts/" + lab.hosts.get(0) + "/logical-switches/" + VNI);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.at("/replicationMode").asText()).isEqualTo("UNICAST");
        assertThat(rows(reply.at("/macs"), "mac", "location", "where", "learned")).containsExactly(
                "00:50:56:00:01:0a LOCAL_PORT vm-1.000 false",
                "00:50:56:00:02:0a REMOTE_VTEP 127.0.1.2 true");
        assertThat(rows(reply.at("/arps"), "ip", "mac")).containsExactly(
                "10.0.1.10 00:50:56:00:01:0a", "10.0.1.20 00:50:56:00:02:0a");
        assertThat(rows(reply.at("/vteps"), "ip", "segment", "kind")).containsExactly(
                "127.0.1.2 127.0.1.0/24 HOST", "127.0.1.3 127.0.1.0/24 HOST", "127.0.2.9 null EXTERNAL");
    }

    @Test
    void aHostsDlrTablesHaveNetVdrsColumns() {
        var reply = api.get("/hosts/" + lab.hosts.get(0) + "/dlrs/" + DLR);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(rows(reply.at("/routes"), "destination", "genMask", "gateway", "flags", "origin", "interfaceId"))
                .containsExactly("10.0.1.0 255.255.255.0 0.0.0.0 UCI MANUAL lif-1",
                        "192.168.0.0 255.255.0.0 10.0.1.254 UG AUTO lif-1");
        assertThat(rows(reply.at("/interfaces"), "name", "mode", "vni", "address", "designatedInstance"))
                .containsExactly("lif-1 INTERNAL 5001 10.0.1.1/24 true");
        assertThat(rows(reply.at("/neighbours"), "ip", "flags", "interfaceId"))
                .containsExactly("10.0.1.1 VI lif-1", "10.0.1.254 V lif-1");
    }

    @Test
    void whatTheHostDoesNotHoldIs404AndAHostThatCannotBeAskedIs503() {
        assertThat(api.get("/hosts/" + lab.hosts.get(0) + "/logical-switches/5002").at("/field").asText()).isEqualTo("vni");
        var noDlr = api.get("/hosts/" + lab.hosts.get(0) + "/dlrs/edge-2");
        assertThat(noDlr.status()).isEqualTo(404);
        assertThat(noDlr.at("/field").asText()).isEqualTo("dlrId");
        var silent = api.get("/hosts/" + lab.hosts.get(1) + "/logical-switches/" + VNI);
        assertThat(silent.status()).isEqualTo(503);
        assertThat(silent.at("/message").asText()).contains(lab.hosts.get(1), "did not answer");
        assertThat(api.get("/hosts/" + lab.hosts.get(0) + "/logical-switches/abc").status()).isEqualTo(400);
    }
}
