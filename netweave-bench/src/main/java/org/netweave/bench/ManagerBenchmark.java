package org.netweave.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import org.netweave.controller.client.ControllerChannels;
import org.netweave.controller.slice.SliceSpace;
import org.netweave.controller.zk.ZkTuning;
import org.netweave.hostagent.HostConfigFollower;
import org.netweave.manager.Manager;
import org.netweave.manager.ManagerSettings;
import org.netweave.manager.api.Json;
import org.netweave.manager.auth.RateLimit;
import org.netweave.manager.controllers.EmbeddedControllerFleet;
import org.netweave.model.HostId;
import org.netweave.pki.ComponentIdentity;
import org.netweave.pki.ComponentKind;
import org.netweave.pki.TransportSecurity;

/**
 * The manager end to end on one machine: sequential API writes per second (logical switches on
 * the H2 file store, each one transaction with its generation), and the DLR deployment job of
 * seed 000 from the API call to DEPLOYED with every host holding the LIFs and routes.
 *
 * <pre>java -cp netweave-bench/target/benchmarks.jar org.netweave.bench.ManagerBenchmark [hosts=8] [writes=1000] [dlrs=5]</pre>
 */
public final class ManagerBenchmark {
    private final HttpClient http = HttpClient.newHttpClient();
    private String base;

    public static void main(String[] args) throws Exception {
        int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int writes = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int dlrs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        new ManagerBenchmark().run(hosts, writes, dlrs);
        System.exit(0);
    }

    private void run(int hosts, int writes, int dlrs) throws Exception {
        Path dir = Files.createTempDirectory("netweave-manager-bench");
        try (Manager manager = Manager.start(ManagerSettings.local(dir.resolve("manager")).withoutApiAuth()
                .withRateLimit(RateLimit.UNLIMITED), EmbeddedControllerFleet.create(
                dir.resolve("controllers"), ZkTuning.ofTick(Duration.ofMillis(200)), Duration.ofSeconds(2)))) {
            base = "http://127.0.0.1:" + manager.apiPort() + "/api/v1";
            for (int i = 0; i < 3; i++) {
                awaitJob(post("/controllers", "{}").at("/jobId").asText());
            }
            String dc = post("/datacenters", "{\"name\":\"dc\"}").at("/id").asText();
            String pool = post("/ip-pools", "{\"name\":\"vteps\",\"start\":\"127.0.1.1\",\"end\":\"127.0.1.250\","
                    + "\"prefixLength\":24}").at("/id").asText();
            String cluster = post("/clusters", "{\"datacenterId\":\"" + dc + "\",\"name\":\"c1\"}").at("/id").asText();
            List<String> hostIds = new ArrayList<>();
            for (int h = 1; h <= hosts; h++) {
                hostIds.add(post("/hosts", "{\"clusterId\":\"" + cluster + "\",\"name\":\"esx-" + h + "\",\"managementIp\":"
                        + "\"192.0.2." + h + "\",\"vmkernelPorts\":[{\"device\":\"vmk0\",\"ip\":\"192.0.2." + h
                        + "\",\"prefixLength\":24,\"services\":[\"MANAGEMENT\",\"VMOTION\"]}]}").at("/id").asText());
            }
            post("/clusters/" + cluster + "/prepare", "{\"ipPoolId\":\"" + pool + "\"}");
            post("/segment-pools", "{\"name\":\"segments\",\"begin\":5000,\"end\":15000}");
            String zone = post("/transport-zones", "{\"name\":\"tz\",\"replicationMode\":\"UNICAST\",\"clusterIds\":[\""
                    + cluster + "\"]}").at("/id").asText();

            // Each emulated host over channels of its own, with its own certificate.
            List<ManagedChannel> channels = new ArrayList<>();
            List<ControllerChannels> controllerChannels = new ArrayList<>();
            List<HostConfigFollower> agents = new ArrayList<>();
            for (String host : hostIds) {
                TransportSecurity transport = manager.transportFor(ComponentIdentity.host(HostId.of(host)));
                ManagedChannel channel = Grpc.newChannelBuilderForAddress("127.0.0.1", manager.southboundPort(),
                        transport.channelCredentials(ComponentKind.MANAGER)).build();
                ControllerChannels controllers = new ControllerChannels(transport);
                channels.add(channel);
                controllerChannels.add(controllers);
                HostConfigFollower agent = new HostConfigFollower(HostId.of(host), channel, controllers, SliceSpace.DEFAULT);
                agent.start();
                agents.add(agent);
            }

            long start = System.nanoTime();
            List<String> switches = new ArrayList<>();
            for (int i = 0; i < writes; i++) {
                switches.add(post("/logical-switches", "{\"name\":\"ls-" + i + "\",\"transportZoneId\":\"" + zone + "\"}")
                        .at("/id").asText());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%d logical switch writes in %.2f s: %.0f writes/s (one client, H2 file, %d hosts subscribed)%n",
                    writes, seconds, writes / seconds, hosts);

            if (hosts == 0) {
                return;
            }
            long[] deployMs = new long[dlrs];
            for (int d = 0; d < dlrs; d++) {
                long t0 = System.nanoTime();
                JsonNode accepted = post("/dlrs", "{\"name\":\"r" + d + "\",\"controlVm\":{\"haEnabled\":false},\"interfaces\":["
                        + "{\"name\":\"a\",\"type\":\"INTERNAL\",\"logicalSwitchId\":\"" + switches.get(2 * d)
                        + "\",\"address\":\"10." + d + ".1.1/24\"},{\"name\":\"b\",\"type\":\"INTERNAL\",\"logicalSwitchId\":\""
                        + switches.get(2 * d + 1) + "\",\"address\":\"10." + d + ".2.1/24\"}],"
                        + "\"staticRoutes\":[{\"network\":\"192.168." + d + ".0/24\",\"nextHop\":\"10." + d + ".1.254\"}]}");
                awaitJob(accepted.at("/jobId").asText());
                deployMs[d] = (System.nanoTime() - t0) / 1_000_000;
            }
            Arrays.sort(deployMs);
            System.out.printf("DLR deployment (10 steps, %d hosts, one control VM): min %d ms, median %d ms, max %d ms over %d%n",
                    hosts, deployMs[0], deployMs[dlrs / 2], deployMs[dlrs - 1], dlrs);
            agents.forEach(HostConfigFollower::close);
            controllerChannels.forEach(ControllerChannels::close);
            channels.forEach(ManagedChannel::shutdownNow);
            for (ManagedChannel channel : channels) {
                channel.awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }

    private JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return Json.mapper().readTree(response.body());
    }

    private void awaitJob(String job) throws Exception {
        while (true) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/jobs/" + job)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String state = Json.mapper().readTree(response.body()).at("/state").asText();
            if (state.equals("SUCCEEDED")) {
                return;
            }
            if (state.equals("FAILED")) {
                throw new IllegalStateException("job " + job + " failed: " + response.body());
            }
            Thread.sleep(20);
        }
    }
}
