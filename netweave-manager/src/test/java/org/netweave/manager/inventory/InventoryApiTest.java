package org.netweave.manager.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netweave.manager.inventory.InventoryFixture.assertRefused;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.model.HostId;

/**
 * Datacenters, clusters and hosts through the API, and the OpenAPI description of the whole
 * inventory: every field documented, the documented values the code's.
 */
class InventoryApiTest {
    private static final List<Class<?>> SCHEMAS = List.of(CreateDatacenterRequest.class, DatacenterView.class,
            CreateClusterRequest.class, ClusterView.class, PrepareHostsRequest.class, CreateHostRequest.class,
            VmkernelPortRequest.class, HostView.class, VmkernelPortView.class, HostStatusView.class,
            CreateIpPoolRequest.class, IpPoolView.class, CreateVmRequest.class, VmVnicRequest.class, VmView.class,
            VmVnicView.class, MigrateVmRequest.class, CreateAntiAffinityRuleRequest.class, AntiAffinityRuleView.class,
            InventoryDeleteResult.class);

    @TempDir
    static Path dir;

    private static InventoryFixture fx;

    @BeforeAll
    static void start() {
        fx = InventoryFixture.start(dir);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @BeforeEach
    void empty() {
        fx.reset();
    }

    @Test
    void datacentersGetVcenterIdsAndTheirWriteGeneration() {
        var created = fx.api.post("/datacenters", "{\"name\":\"lab\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.at("/id").asText()).isEqualTo("datacenter-1");
        assertThat(created.at("/generation").asLong()).isEqualTo(fx.store.generation());
        assertThat(created.at("/realization/state").asText()).isEqualTo("REALIZED");
        assertThat(created.at("/realization/hosts").size()).isZero();
        fx.datacenter("dr");
        assertThat(fx.api.get("/datacenters/datacenter-1").body()).isEqualTo(created.body());
        assertThat(fx.api.get("/datacenters").body().findValuesAsText("id")).containsExactly("datacenter-1", "datacenter-2");

        var deleted = fx.api.delete("/datacenters/datacenter-2");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.at("/id").asText()).isEqualTo("datacenter-2");
        assertThat(deleted.at("/generation").asLong()).isEqualTo(fx.store.generation());
        assertRefused(fx.api.get("/datacenters/datacenter-2"), 404, "not_found", "id");
    }

    @Test
    void badDatacenterRequestsChangeNothing() {
        fx.datacenter("lab");
        String before = fx.snapshot();
        assertRefused(fx.api.post("/datacenters", "{\"name\":"), 400, "malformed_json", null);
        assertRefused(fx.api.post("/datacenters", "{\"name\":\"x\",\"colour\":\"red\"}"), 400, "unknown_field", "colour");
        assertRefused(fx.api.post("/datacenters", "{}"), 400, "missing_field", "name");
        assertRefused(fx.api.post("/datacenters", "{\"name\":\"  \"}"), 400, "invalid_value", "name");
        assertRefused(fx.api.post("/datacenters", "{\"name\":\"" + "x".repeat(256) + "\"}"), 400, "invalid_value", "name");
        var taken = fx.api.post("/datacenters", "{\"name\":\"lab\"}");
        assertRefused(taken, 409, "conflict", "name");
        assertThat(taken.at("/message").asText()).contains("datacenter-1");
        assertRefused(fx.api.delete("/datacenters/datacenter-9"), 404, "not_found", "id");
        assertThat(fx.snapshot()).isEqualTo(before);
    }

    @Test
    void clustersBelongToADatacenterAndAreNamedUniquelyWithinIt() {
        String lab = fx.datacenter("lab");
        String dr = fx.datacenter("dr");
        var created = fx.api.post("/clusters", "{\"datacenterId\":\"" + lab + "\",\"name\":\"compute\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.at("/id").asText()).isEqualTo("domain-c1");
        assertThat(created.at("/prepared").asBoolean()).isFalse();
        assertThat(created.at("/vtepIpPoolId").isNull()).isTrue();
        assertThat(created.at("/hostIds").size()).isZero();
        String other = fx.cluster(dr, "compute");
        assertThat(other).isEqualTo("domain-c2");

        assertThat(fx.api.get("/clusters?datacenterId=" + dr).body().findValuesAsText("id")).containsExactly("domain-c2");
        assertThat(fx.api.get("/clusters").body().findValuesAsText("id")).containsExactly("domain-c1", "domain-c2");

        String before = fx.snapshot();
        assertRefused(fx.api.post("/clusters", "{\"datacenterId\":\"" + lab + "\",\"name\":\"compute\"}"), 409, "conflict", "name");
        assertRefused(fx.api.post("/clusters", "{\"datacenterId\":\"datacenter-9\",\"name\":\"x\"}"), 404, "not_found", "datacenterId");
        assertRefused(fx.api.post("/clusters", "{\"datacenterId\":\"bad id!\",\"name\":\"x\"}"), 400, "invalid_value", "datacenterId");
        assertRefused(fx.api.post("/clusters", "{\"name\":\"x\"}"), 400, "missing_field", "datacenterId");
        assertRefused(fx.api.get("/clusters?datacenterId=datacenter-9"), 404, "not_found", "datacenterId");
        assertThat(fx.snapshot()).isEqualTo(before);
    }

    @Test
    void whatIsInUseCannotBeDeleted() {
        String lab = fx.datacenter("lab");
        String compute = fx.cluster(lab, "compute");
        String edge = fx.cluster(lab, "edge");
        fx.host(compute, 1);
        fx.store.write((h, g) -> {
            h.execute("INSERT INTO transport_zone (id, name, replication_mode, generation) VALUES ('vdnscope-1', 'tz', 'UNICAST', ?)", g);
            return h.execute("INSERT INTO transport_zone_cluster (transport_zone_id, cluster_id) VALUES ('vdnscope-1', ?)", edge);
        });
        String before = fx.snapshot();

        var datacenter = fx.api.delete("/datacenters/" + lab);
        assertRefused(datacenter, 409, "in_use", "id");
        assertThat(datacenter.at("/message").asText()).contains("domain-c1, domain-c2");
        var withHosts = fx.api.delete("/clusters/" + compute);
        assertRefused(withHosts, 409, "in_use", "id");
        assertThat(withHosts.at("/message").asText()).contains("host-1");
        var inZone = fx.api.delete("/clusters/" + edge);
        assertRefused(inZone, 409, "in_use", "id");
        assertThat(inZone.at("/message").asText()).contains("transport zone vdnscope-1");
        assertThat(fx.snapshot()).isEqualTo(before);

        assertThat(fx.api.delete("/hosts/host-1").status()).isEqualTo(200);
        assertThat(fx.api.delete("/clusters/" + compute).status()).isEqualTo(200);
        assertRefused(fx.api.get("/clusters/" + compute), 404, "not_found", "id");
    }

    private static String host(String cluster, String name, String mgmt, String ports) {
        return "{\"clusterId\":\"" + cluster + "\",\"name\":\"" + name + "\",\"managementIp\":\"" + mgmt
                + "\",\"vmkernelPorts\":" + ports + "}";
    }

    @Test
    void aHostShowsItsPortsStatusAndRealisedStateOnItself() {
        String cluster = fx.cluster(fx.datacenter("lab"), "compute");
        var created = fx.api.post("/hosts", host(cluster, "esx-1", "10.0.0.1",
                "[{\"device\":\"vmk1\",\"ip\":\"10.1.0.1\",\"prefixLength\":24,\"services\":[\"VMOTION\"]},"
                        + "{\"device\":\"vmk0\",\"ip\":\"10.0.0.1\",\"prefixLength\":24,\"services\":[\"MANAGEMENT\"]}]"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.at("/id").asText()).isEqualTo("host-1");
        assertThat(created.at("/clusterId").asText()).isEqualTo(cluster);
        assertThat(created.at("/powerState").asText()).isEqualTo("POWERED_ON");
        assertThat(created.at("/prepared").asBoolean()).isFalse();
        assertThat(created.at("/vtepIp").isNull()).isTrue();
        assertThat(created.at("/routerMac").isNull()).isTrue();
        assertThat(created.at("/vmkernelPorts/0/device").asText()).isEqualTo("vmk0");
        assertThat(created.at("/vmkernelPorts/1/services/0").asText()).isEqualTo("VMOTION");
        assertThat(created.at("/status/state").asText()).isEqualTo("OK");
        long generation = created.at("/generation").asLong();
        assertThat(created.at("/realization/state").asText()).isEqualTo("IN_PROGRESS");
        assertThat(created.at("/realization/hosts").size()).isEqualTo(1);

        // What the host configuration worker and the host's agent would do.
        fx.realization.configChanged(HostId.of("host-1"), generation);
        fx.realization.computedUpTo(generation);
        fx.realization.reportApplied(HostId.of("host-1"), generation);
        assertThat(fx.api.get("/hosts/host-1").at("/realization/state").asText()).isEqualTo("REALIZED");
        assertThat(fx.api.get("/clusters/" + cluster).at("/hostIds/0").asText()).isEqualTo("host-1");
    }

    @Test
    void aHostWithEveryServiceOnOnePortIsWarnedWhy() {
        String cluster = fx.cluster(fx.datacenter("lab"), "compute");
        var created = fx.api.post("/hosts", host(cluster, "esx-1", "10.0.0.1", "[{\"device\":\"vmk0\",\"ip\":\"10.0.0.1\","
                + "\"prefixLength\":24,\"services\":[\"MANAGEMENT\",\"VMOTION\",\"FAULT_TOLERANCE\",\"IP_STORAGE\"]}]"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.at("/status/state").asText()).isEqualTo("WARNING");
        assertThat(created.at("/status/warnings/0").asText()).contains("vmk0", "interferes", "own VMkernel port");
    }

    @Test
    void badHostsAreRefusedNamingTheFieldAndChangeNothing() {
        String cluster = fx.cluster(fx.datacenter("lab"), "compute");
        fx.host(cluster, 1);
        String before = fx.snapshot();
        String mgmt = "{\"device\":\"vmk0\",\"ip\":\"10.0.0.5\",\"prefixLength\":24,\"services\":[\"MANAGEMENT\"]}";
        assertRefused(fx.api.post("/hosts", host(cluster, "esx-5", "10.0.0.5", "[]")), 400, "invalid_value", "vmkernelPorts");
        assertRefused(fx.api.post("/hosts", host(cluster, "esx-5", "10.0.0.5",
                "[{\"device\":\"vmk0\",\"ip\":\"10.0.0.5\",\"prefixLength\":24,\"services\":[\"VMOTION\"]}]")),
                400, "invalid_value", "vmkernelPorts");
        assertRefused(fx.api.post("/hosts", host(cluster, "esx-5", "10.0.0.5", "[" + mgmt
                + ",{\"device\":\"vmk0\",\"ip\":\"10.1.0.5\",\"prefixLength\":24,\"services\":[\"VMOTION\"]}]")),
                400, "invalid_value", "vmkernelPorts[1].device");
        assertRefused(fx.api.post("/hosts", host(cluster, "esx-5", "10.0.0.5", "[" + mgmt
                + ",{\"device\":\"vmk1\",\"ip\":\"10.0.0.5\",\"prefixLength\":24,\"services\":[\"VMOTION\"]}]")),
                400, "invalid_value", "vmkernelPorts[1].ip");
        assertRefused(fx.api.post("/hosts", host(cluster, "esx-5", "10.0.0.5",
                "[{\"device\":\"eth0\",\"ip\":\"10.0.0.5\",\"prefixLength\":24,\"services\":[\"MANAGEMENT\"]}]")),
                400, "invalid_value", "vmkernelPorts[0].device");
        assertRefused(fx.api.post("/hosts", host(cluster, "esx-5", "10.0.0.5",
                "[{\"device\":\"vmk0\",\"ip\":\"10.0.0.256\",\"prefixLength\":24,\"services\":[\"MANAGEMENT\"]}]")),
                400, "invalid_value", "vmkernelPorts[0].ip");
        assertRefused(fx.api.post("/hosts", host(cluster, "esx-5", "10.0.0.5",
                "[{\"device\":\"vmk0\",\"ip\":\"10.0.0.0\",\"prefixLength\":24,\"services\":[\"MANAGEMENT\"]}]")),
                400, "invalid_value", "vmkernelPorts[0].ip");
        assertRefused(fx.api.post("/hosts", host(cluster, "esx-5", "10.0.0.5",
                "[{\"device\":\"vmk0\",\"ip\":\"10.0.0.5\",\"prefixLength\":33,\"services\":[\"MANAGEMENT\"]}]")),
                400, "invalid_value", "vmkernelPorts[0].prefixLength");
        assertRefused(fx.api.post("/hosts", host(cluster, "esx-5", "10.0.0.5",
                "[{\"device\":\"vmk0\",\"ip\":\"10.0.0.5\",\"services\":[\"MANAGEMENT\"]}]")),
                400, "missing_field", "vmkernelPorts[0].prefixLength");
        var unknownService = fx.api.post("/hosts", host(cluster, "esx-5", "10.0.0.5",
                "[{\"device\":\"vmk0\",\"ip\":\"10.0.0.5\",\"prefixLength\":24,\"services\":[\"MANAGEMENT\",\"VSAN\"]}]"));
        assertRefused(unknownService, 400, "invalid_value", "vmkernelPorts[0].services[1]");
        assertThat(unknownService.at("/message").asText()).contains("MANAGEMENT, VMOTION, FAULT_TOLERANCE, IP_STORAGE, VTEP");
        assertRefused(fx.api.post("/hosts", host(cluster, "esx-5", "10.0.0.5", "[" + mgmt
                + ",{\"device\":\"vmk1\",\"ip\":\"10.9.0.5\",\"prefixLength\":24,\"services\":[\"VTEP\"]}]")),
                400, "invalid_value", "vmkernelPorts[1].services");
        assertRefused(fx.api.post("/hosts", host(cluster, "esx-5", "10.1.0.5", "[" + mgmt
                + ",{\"device\":\"vmk1\",\"ip\":\"10.1.0.5\",\"prefixLength\":24,\"services\":[\"VMOTION\"]}]")),
                400, "invalid_value", "managementIp");
        assertRefused(fx.api.post("/hosts", "{\"clusterId\":\"" + cluster + "\",\"name\":\"esx-5\",\"managementIp\":\"10.0.0.5\"}"),
                400, "missing_field", "vmkernelPorts");
        // Against the inventory: 404 for an unknown cluster, 409 for a name or address another host has.
        assertRefused(fx.api.post("/hosts", host("domain-c9", "esx-5", "10.0.0.5", "[" + mgmt + "]")), 404, "not_found", "clusterId");
        assertRefused(fx.api.post("/hosts", host(cluster, "esx-1", "10.0.0.5", "[" + mgmt + "]")), 409, "conflict", "name");
        assertRefused(fx.api.post("/hosts", host(cluster, "esx-5", "10.0.0.1", "[" + mgmt + "]")), 409, "conflict", "managementIp");
        var addressTaken = fx.api.post("/hosts", host(cluster, "esx-5", "10.0.0.5", "[" + mgmt
                + ",{\"device\":\"vmk1\",\"ip\":\"10.1.0.1\",\"prefixLength\":24,\"services\":[\"VMOTION\"]}]"));
        assertRefused(addressTaken, 409, "conflict", "vmkernelPorts[1].ip");
        assertThat(addressTaken.at("/message").asText()).contains("host-1");
        assertThat(fx.snapshot()).isEqualTo(before);
    }

    @Test
    void hostsListByClusterAndDeleteOnlyWithoutVms() {
        String cluster = fx.cluster(fx.datacenter("lab"), "compute");
        String other = fx.cluster(fx.datacenter("dr"), "compute");
        fx.host(cluster, 1);
        fx.host(cluster, 2);
        fx.host(other, 3);
        assertThat(fx.api.get("/hosts?clusterId=" + cluster).body().findValuesAsText("id")).containsExactly("host-1", "host-2");
        assertRefused(fx.api.get("/hosts?clusterId=domain-c9"), 404, "not_found", "clusterId");
        String vm = fx.vmOnHost("web", "host-2");

        String before = fx.snapshot();
        var refused = fx.api.delete("/hosts/host-2");
        assertRefused(refused, 409, "in_use", "id");
        assertThat(refused.at("/message").asText()).contains(vm);
        assertThat(fx.snapshot()).isEqualTo(before);

        assertThat(fx.api.delete("/vms/" + vm).status()).isEqualTo(200);
        assertThat(fx.api.delete("/hosts/host-2").status()).isEqualTo(200);
        assertThat(fx.api.get("/hosts").body().findValuesAsText("id")).containsExactly("host-1", "host-3");
        // Its addresses are free again.
        assertThat(fx.api.post("/hosts", InventoryFixture.hostJson(cluster, "esx-2b", 2, "[\"VMOTION\"]")).status()).isEqualTo(201);
    }

    @Test
    void aHostPowersOffOnlyOnceNoVmRunsOnIt() {
        String cluster = fx.cluster(fx.datacenter("lab"), "compute");
        fx.host(cluster, 1);
        String vm = fx.vmOnHost("web", "host-1");
        String before = fx.snapshot();
        assertRefused(fx.api.post("/hosts/host-1/power-off", null), 409, "in_use", "id");
        assertThat(fx.snapshot()).isEqualTo(before);

        assertThat(fx.api.post("/vms/" + vm + "/power-off", null).status()).isEqualTo(200);
        var off = fx.api.post("/hosts/host-1/power-off", null);
        assertThat(off.status()).isEqualTo(200);
        assertThat(off.at("/powerState").asText()).isEqualTo("POWERED_OFF");
        assertThat(off.at("/generation").asLong()).isEqualTo(fx.store.generation());
        assertRefused(fx.api.post("/vms/" + vm + "/power-on", null), 409, "conflict", "id");
        assertThat(fx.api.post("/hosts/host-1/power-on", null).at("/powerState").asText()).isEqualTo("POWERED_ON");
        assertThat(fx.api.post("/vms/" + vm + "/power-on", null).at("/powerState").asText()).isEqualTo("POWERED_ON");
        assertRefused(fx.api.post("/hosts/host-9/power-on", null), 404, "not_found", "id");
    }

    @Test
    void everyInventorySchemaAndPropertyHasADescription() {
        JsonNode schemas = fx.api.get("/openapi.json").at("/components/schemas");
        List<String> undocumented = new ArrayList<>();
        for (Class<?> type : SCHEMAS) {
            JsonNode schema = schemas.get(type.getSimpleName());
            assertThat(schema).as(type.getSimpleName()).isNotNull();
            if (schema.path("description").asText().isBlank()) {
                undocumented.add(type.getSimpleName());
            }
            assertThat(schema.path("properties").size()).as(type.getSimpleName())
                    .isEqualTo(type.getRecordComponents().length);
            schema.path("properties").properties().forEach(property -> {
                JsonNode value = property.getValue();
                boolean documented = !value.path("description").asText().isBlank() || value.has("$ref");
                if (!documented) {
                    undocumented.add(type.getSimpleName() + "." + property.getKey());
                }
            });
        }
        assertThat(undocumented).isEmpty();

        List<String> services = Arrays.stream(VmkernelService.values()).map(Enum::name).toList();
        assertThat(texts(schemas.at("/VmkernelPortRequest/properties/services/items/enum"))).isEqualTo(services);
        assertThat(texts(schemas.at("/VmkernelPortView/properties/services/items/enum"))).isEqualTo(services);
        assertThat(texts(schemas.at("/CreateVmRequest/properties/kind/enum")))
                .isEqualTo(Arrays.stream(VmKind.values()).map(Enum::name).toList());
        assertThat(texts(schemas.at("/CreateVmRequest/properties/powerState/enum")))
                .isEqualTo(Arrays.stream(PowerState.values()).map(Enum::name).toList());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
