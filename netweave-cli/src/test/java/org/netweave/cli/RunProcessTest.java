package org.netweave.cli;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.cli.api.ApiCredentials;

/**
 * {@code netweave run --scenario seed} as its own process: comes up, serves the API, forwards
 * (its health pings get replies), and stops cleanly on SIGTERM.
 */
class RunProcessTest {

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void theAllInOneServesTheApiForwardsAndSigtermShutsItDownCleanly(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("stderr.log");
        String api;
        Process p = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "--scenario", "seed", "--hosts", "2", "--api-port", "0", "--vxlan-port", "24789",
                "--health-interval", "PT0.2S", "--data-dir", dir.resolve("data").toString()))
                .redirectError(log.toFile())
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("Netweave is running"));
            assertThat(line).as("the job reported it is running; stderr:%n%s", Files.readString(log)).isNotNull();
            api = line.replaceAll(".*API (http://\\S+) .*", "$1");
            HttpResponse<String> anonymous = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(api + "/controllers")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).as("the API wants a token by default").isEqualTo(401);
            String token = Files.readString(dir.resolve("data/manager/admin.token")).strip();
            assertThat(ApiCredentials.token(api, null, Map.of())).as("published for the CLI beside the lab")
                    .hasValue(token);
            HttpResponse<String> controllers = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(api + "/controllers")).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(controllers.statusCode()).isEqualTo(200);
            assertThat(controllers.body()).contains("controller-1", "controller-2", "controller-3");
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.readString(log).contains("health: VM1 -> VM2 ok"));

            p.destroy(); // SIGTERM
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        String stderr = Files.readString(log);
        assertThat(stderr).contains("stop requested, shutting down")
                .contains("all-in-one stopped")
                .contains("RunCommand - stopped")
                .as("no stack trace passes through Netweave's code").doesNotContain("at org.netweave");
        assertThat(p.exitValue()).as("exit status of a JVM ended by SIGTERM").isEqualTo(143);
        assertThat(ApiCredentials.tokenFile(api)).as("the published token goes with the lab").doesNotExist();
    }
}
