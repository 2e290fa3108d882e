package org.netweave.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.cli.allinone.SeedScenario;
import org.netweave.cli.api.ManagerApi;

/**
 * Traceflow on the running seed scenario (emulated hosts; {@link OvsTraceflowTest} runs the same
 * tests on Open vSwitch): probes injected at VM1's vNIC by its host agent,
 * observed by every host's data plane, gathered by the manager in hop order. The routed path of
 * seed 001, the routed-then-bridged path of seed 004, and the drops a probe from a vNIC can meet.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraceflowTest {
    SeedLab lab;
    String hostA;
    String hostB;
    String vtepB;

    /** The seed scenario these tests trace in; subclasses run it on another backend. */
    SeedLab startLab(Path dir) throws Exception {
        return SeedLab.start(dir, "127.26.0.0");
    }

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        lab = startLab(dir);
        lab.awaitReplies(lab.vm1, SeedScenario.SERVER_IP);
        hostA = lab.seed.vm1Host().value();
        hostB = lab.seed.vm2Host().value();
        vtepB = lab.lab.hosts().stream().filter(h -> h.id().value().equals(hostB)).findFirst().orElseThrow().vtep()
                .toString();
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void theRoutedPathOfSeed001IsObservedHopByHopAcrossBothHosts() {
        JsonNode trace = traceflow(Map.of("dstIp", "10.0.2.10"));

        assertThat(trace.path("result").asText()).as(trace.toString()).isEqualTo("DELIVERED");
        assertThat(trace.path("probe").path("routed").asBoolean()).isTrue();
        assertThat(trace.path("probe").path("dstMac").asText()).as("the gateway's vMAC").isEqualTo("02:50:56:56:44:52");
        assertThat(routedPath(trace)).containsExactly(
                hostA + " RECEIVED VNIC " + lab.vm1.value() + ".000",
                hostA + " LOGICAL_RECEIVED LOGICAL_SWITCH vni-5000",
                hostA + " LOGICAL_RECEIVED LOGICAL_ROUTER " + lab.seed.dlr(),
                hostA + " LOGICAL_FORWARDED LOGICAL_ROUTER " + lab.seed.dlr(),
                hostA + " FORWARDED TUNNEL " + vtepB,
                hostB + " RECEIVED TUNNEL " + vtepOf(hostA),
                hostB + " LOGICAL_RECEIVED LOGICAL_SWITCH vni-5001",
                hostB + " DELIVERED VNIC " + lab.vm2.value() + ".000");
        JsonNode forwarded = trace.path("observations").get(3);
        assertThat(forwarded.path("lif").asText()).isNotEmpty();
        assertThat(forwarded.path("decidedBy").asText()).contains("10.0.2.10");
        assertThat(routedPath(trace)).filteredOn(h -> h.contains(" DELIVERED ")).hasSize(1);
        assertThat(trace.path("counts").path("delivered").asInt())
                .isEqualTo(hops(trace).stream().filter(h -> h.contains(" DELIVERED ")).count());
    }

    @Test
    void theBridgedPathOfSeed004EndsOnTheVlan() {
        JsonNode trace = traceflow(Map.of("dstIp", SeedScenario.SERVER_IP.toString(), "protocol", "udp", "dstPort", 53));

        assertThat(trace.path("result").asText()).as(trace.toString()).isEqualTo("DELIVERED");
        List<String> hops = hops(trace);
        assertThat(hops.getFirst()).isEqualTo(hostA + " RECEIVED VNIC " + lab.vm1.value() + ".000");
        assertThat(hops).anyMatch(h -> h.contains(" BRIDGED BRIDGE "));
        assertThat(hops.getLast()).endsWith(" DELIVERED PHYSICAL_UPLINK vlan-100");
        assertThat(trace.path("probe").path("dstPort").asInt()).isEqualTo(53);
    }

    @Test
    void aDestinationWithoutARouteIsDroppedAtTheSourceHostsRouter() {
        JsonNode trace = traceflow(Map.of("dstIp", "192.168.1.1", "protocol", "tcp", "dstPort", 443));

        assertThat(trace.path("result").asText()).as(trace.toString()).isEqualTo("DROPPED");
        JsonNode last = trace.path("observations").get(trace.path("observations").size() - 1);
        assertThat(last.path("dropReason").asText()).isEqualTo("NO_ROUTE");
        assertThat(last.path("host").asText()).isEqualTo(hostA);
        assertThat(last.path("componentName").asText()).isEqualTo(lab.seed.dlr());
    }

    @Test
    void aRoutedProbeToAnAddressNoNeighbourHoldsIsDroppedForWantOfArp() {
        // 10.0.2.77 lies in the LIF's subnet, but no VM or server has it: the router has a route and
        // no neighbour. The emulated router holds the probe and asks; OVS's qrouter has no entry.
        JsonNode trace = traceflow(Map.of("dstIp", "10.0.2.77"), 1_000);

        assertThat(trace.path("result").asText()).as(trace.toString()).isEqualTo("DROPPED");
        JsonNode last = trace.path("observations").get(trace.path("observations").size() - 1);
        assertThat(last.path("dropReason").asText()).isEqualTo("NO_ARP");
        assertThat(last.path("host").asText()).isEqualTo(hostA);
        assertThat(last.path("componentName").asText()).isEqualTo(lab.seed.dlr());
        assertThat(last.path("decidedBy").asText()).contains("10.0.2.77");
        assertThat(trace.path("counts").path("forwarded").asInt()).as("it never left host A").isZero();
    }

    @Test
    void aProbeWhoseTtlRunsOutAtTheRouterIsDroppedThere() {
        JsonNode trace = traceflow(Map.of("dstIp", "10.0.2.10", "ttl", 1));

        assertThat(trace.path("result").asText()).as(trace.toString()).isEqualTo("DROPPED");
        assertThat(trace.path("observations")).extracting(o -> o.path("dropReason").asText()).contains("TTL_EXCEEDED");
        assertThat(trace.path("counts").path("forwarded").asInt()).as("it never left host A").isZero();
    }

    @Test
    void theCliPrintsTheHopsAndExitsZeroOnlyWhenDelivered() {
        SeedLab.Run delivered = lab.cli("traceflow", "--from", "VM1", "--to", "10.0.2.10");
        SeedLab.Run dropped = lab.cli("traceflow", "--from", lab.vm1.value(), "--to", "192.168.1.1");

        assertThat(delivered.exit()).as(delivered.err()).isZero();
        assertThat(delivered.out()).contains("-> 10.0.2.10 icmp, ttl 64, routed")
                .containsPattern("Hop +Host +Component +Name +Observation +VNI +LIF +Detail")
                .containsPattern("\\d+ +" + hostB + " +VNIC +" + lab.vm2.value() + "\\.000 +DELIVERED +5001")
                .contains("Result: DELIVERED");
        assertThat(dropped.exit()).isEqualTo(1);
        assertThat(dropped.out()).contains("NO_ROUTE").contains("Result: DROPPED");
    }

    @Test
    void badRequestsNameTheField() throws Exception {
        assertThat(post("{\"source\":\"vm-1\",\"packet\":{\"dstIp\":\"10.0.2.10\"}}"))
                .containsEntry(400, "source");
        assertThat(post("{\"source\":\"vm-999.000\",\"packet\":{\"dstIp\":\"10.0.2.10\"}}"))
                .containsEntry(404, "source");
        assertThat(post("{\"source\":\"" + lab.vm1.value() + ".000\",\"packet\":{\"dstIp\":\"10.0.2\"}}"))
                .containsEntry(400, "packet.dstIp");
        assertThat(post("{\"source\":\"" + lab.vm1.value() + ".000\",\"packet\":{\"dstIp\":\"10.0.2.10\","
                + "\"protocol\":\"sctp\"}}")).containsEntry(400, "packet.protocol");
        assertThat(post("{\"source\":\"" + lab.vm1.value() + ".000\",\"packet\":{\"dstIp\":\"10.0.2.10\",\"ttl\":0}}"))
                .containsEntry(400, "packet.ttl");
        assertThat(post("{\"source\":\"" + lab.vm1.value() + ".000\",\"packet\":{\"dstIp\":\"10.0.2.10\"},"
                + "\"timeoutMs\":10}")).containsEntry(400, "timeoutMs");
    }

    private JsonNode traceflow(Map<String, Object> packet) {
        return traceflow(packet, null);
    }

    /** @param timeoutMs how long the manager collects; null for its default */
    private JsonNode traceflow(Map<String, Object> packet, Integer timeoutMs) {
        ManagerApi api = lab.lab.api();
        Map<String, Object> fields = new LinkedHashMap<>(packet);
        String source = lab.vm1.value() + ".000";
        JsonNode started = api.post("/traceflows", timeoutMs == null ? ManagerApi.object("source", source, "packet", fields)
                : ManagerApi.object("source", source, "packet", fields, "timeoutMs", timeoutMs));
        String id = started.path("id").asText();
        JsonNode[] done = new JsonNode[1];
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> {
            done[0] = api.get("/traceflows/" + id);
            return done[0].path("state").asText().equals("COMPLETE");
        });
        return done[0];
    }

    /** The hops of the routed path of seed 001; a backend that also floods copies elsewhere leaves those out. */
    List<String> routedPath(JsonNode trace) {
        return hops(trace);
    }

    static List<String> hops(JsonNode trace) {
        List<String> hops = new ArrayList<>();
        trace.path("observations").forEach(o -> hops.add(o.path("host").asText() + " " + o.path("kind").asText() + " "
                + o.path("component").asText() + " " + o.path("componentName").asText()));
        return hops;
    }

    private String vtepOf(String host) {
        return lab.lab.hosts().stream().filter(h -> h.id().value().equals(host)).findFirst().orElseThrow().vtep()
                .toString();
    }

    /** Status and the field the error body names. */
    private Map<Integer, String> post(String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(lab.lab.apiUrl() + "/traceflows")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + lab.lab.apiToken().orElseThrow())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return Map.of(response.statusCode(), new ObjectMapper().readTree(response.body()).path("field").asText());
    }
}
