package org.netweave.manager.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Builds a lab through the manager's own API, as an operator would: controllers, a datacenter with
 * two clusters of hosts, a VTEP pool and host preparation, a transport zone over both clusters, a
 * segment pool and logical switches. Every step asserts its answer.
 */
public final class LabTopology {
    public static final Duration JOB_WAIT = Duration.ofSeconds(90);

    private final ApiClient api;
    public final List<String> clusters = new ArrayList<>();
    public final List<String> hosts = new ArrayList<>();
    public String transportZone;
    public final List<String> logicalSwitches = new ArrayList<>();

    public LabTopology(ApiClient api) {
        this.api = api;
    }

    /** Deploys {@code count} controllers one after the other (seed 002's bootstrap). */
    public LabTopology controllers(int count) {
        for (int i = 0; i < count; i++) {
            var reply = api.post("/controllers", "{}");
            assertThat(reply.status()).as(reply.text()).isEqualTo(202);
            awaitJob(reply.at("/jobId").asText(), "SUCCEEDED");
        }
        return this;
    }

    /** {@code hostsPerCluster[i]} hosts in cluster i, every host prepared with a loopback VTEP. */
    public LabTopology compute(int... hostsPerCluster) {
        String dc = created(api.post("/datacenters", "{\"name\":\"dc-1\"}")).at("/id").asText();
        String pool = created(api.post("/ip-pools",
                "{\"name\":\"vtep-pool\",\"start\":\"127.0.1.1\",\"end\":\"127.0.1.100\",\"prefixLength\":24}"))
                .at("/id").asText();
        for (int c = 0; c < hostsPerCluster.length; c++) {
            String cluster = created(api.post("/clusters",
                    "{\"datacenterId\":\"" + dc + "\",\"name\":\"cluster-" + (c + 1) + "\"}")).at("/id").asText();
            clusters.add(cluster);
            for (int h = 0; h < hostsPerCluster[c]; h++) {
                int n = hosts.size() + 1;
                String host = created(api.post("/hosts", "{\"clusterId\":\"" + cluster + "\",\"name\":\"esx-" + n
                        + "\",\"managementIp\":\"192.0.2." + n + "\",\"vmkernelPorts\":[{\"device\":\"vmk0\",\"ip\":\"192.0.2."
                        + n + "\",\"prefixLength\":24,\"services\":[\"MANAGEMENT\"]},{\"device\":\"vmk1\",\"ip\":\"198.51.100."
                        + n + "\",\"prefixLength\":24,\"services\":[\"VMOTION\"]}]}")).at("/id").asText();
                hosts.add(host);
            }
            var prepared = api.post("/clusters/" + cluster + "/prepare", "{\"ipPoolId\":\"" + pool + "\"}");
            assertThat(prepared.status()).as(prepared.text()).isBetween(200, 201);
        }
        return this;
    }

    public LabTopology logicalSwitches(String... names) {
        assertThat(created(api.post("/segment-pools", "{\"name\":\"segments\",\"begin\":5000,\"end\":5999}")).status())
                .isEqualTo(201);
        String clusterIds = String.join("\",\"", clusters);
        transportZone = created(api.post("/transport-zones", "{\"name\":\"tz-1\",\"replicationMode\":\"UNICAST\","
                + "\"clusterIds\":[\"" + clusterIds + "\"]}")).at("/id").asText();
        for (String name : names) {
            logicalSwitches.add(created(api.post("/logical-switches",
                    "{\"name\":\"" + name + "\",\"transportZoneId\":\"" + transportZone + "\"}")).at("/id").asText());
        }
        return this;
    }

    /** Waits until the job is in {@code state} (or fails the test with the job as it stands). */
    public JsonNode awaitJob(String jobId, String state) {
        await().atMost(JOB_WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            String now = api.get("/jobs/" + jobId).at("/state").asText();
            return now.equals("SUCCEEDED") || now.equals("FAILED");
        });
        var job = api.get("/jobs/" + jobId);
        assertThat(job.at("/state").asText()).as(job.text()).isEqualTo(state);
        return job.body();
    }

    private static ApiClient.Reply created(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply;
    }
}
