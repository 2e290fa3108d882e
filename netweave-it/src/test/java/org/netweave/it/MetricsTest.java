package org.netweave.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.cli.allinone.SeedScenario;

/**
 * {@code GET /metrics} on the running seed scenario: what Prometheus would scrape from the
 * manager about its API, its jobs, the controller cluster and the hosts' datapaths.
 */
class MetricsTest {
    @TempDir
    static Path dir;
    static SeedLab lab;
    static String hostA;

    @BeforeAll
    static void start() throws Exception {
        lab = SeedLab.start(dir, "127.27.0.0");
        hostA = lab.seed.vm1Host().value();
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    @Test
    void apiRequestsAreTimedByRouteTemplateAndStatus() throws Exception {
        lab.lab.api().get("/vms/" + lab.vm1.value());

        String metrics = scrape();
        assertThat(value(metrics, "netweave_api_requests_seconds_count\\{method=\"GET\",route=\"/api/v1/vms/\\{id\\}\","
                + "status=\"200\"\\}")).isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "netweave_api_requests_seconds_count\\{method=\"POST\",route=\"/api/v1/vms\","
                + "status=\"201\"\\}")).as("the seed scenario created two VMs").isGreaterThanOrEqualTo(2);
    }

    @Test
    void jobsAreTimedByKindAndOutcome() throws Exception {
        String metrics = scrape();
        assertThat(value(metrics, "netweave_jobs_seconds_count\\{kind=\"DEPLOY_CONTROLLER\",outcome=\"SUCCEEDED\"\\}"))
                .isEqualTo(3);
        assertThat(value(metrics, "netweave_jobs_seconds_count\\{kind=\"DEPLOY_DLR\",outcome=\"SUCCEEDED\"\\}"))
                .isEqualTo(1);
    }

    @Test
    void everySliceIsAssignedToSomeControllerAndTheHostsHaveSessions() throws Exception {
        String metrics = scrape();
        for (String role : List.of("switch_manager", "logical_manager")) {
            assertThat(sum(metrics, "netweave_controller_assigned_slices\\{controller=\"controller-\\d\",role=\"" + role
                    + "\"\\}")).as(role).isEqualTo(256);
        }
        assertThat(sum(metrics, "netweave_controller_host_sessions\\{controller=\"controller-\\d\"\\}"))
                .as("each of the four hosts keeps a session").isGreaterThanOrEqualTo(4);
    }

    @Test
    void theHostsDatapathCountersAndTheRealisationLagAreThere() throws Exception {
        SeedLab.assertAllReplied(lab.ping(lab.vm1, SeedScenario.VM2_IP, 3, Duration.ZERO), "VM1 -> VM2");

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(value(scrape(), "netweave_host_frames_total\\{host=\"" + hostA + "\",kind=\"routed\"\\}"))
                        .isGreaterThanOrEqualTo(3));
        String metrics = scrape();
        assertThat(value(metrics, "netweave_host_vxlan_packets_total\\{direction=\"tx\",host=\"" + hostA + "\"\\}"))
                .isGreaterThanOrEqualTo(3);
        assertThat(value(metrics, "netweave_realization_lag_seconds_count")).isGreaterThanOrEqualTo(1);
    }

    private static String scrape() throws Exception {
        String base = lab.lab.apiUrl().replace("/api/v1", "");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/metrics"))
                .header("Authorization", "Bearer " + lab.lab.apiToken().orElseThrow()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        return response.body();
    }

    /** The value of the one sample whose name and labels match {@code series}; fails if there is none. */
    private static double value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(metrics);
        assertThat(m.find()).as("a sample %s in%n%s", series, metrics).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static double sum(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(metrics);
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }
}
