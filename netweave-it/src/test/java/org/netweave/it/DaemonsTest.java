package org.netweave.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.cli.Main;
import org.netweave.controller.embedded.FreePorts;
import picocli.CommandLine;

/**
 * The multi-process mode as an operator runs it: three {@code netweave controller serve} daemons
 * forming their ZooKeeper ensemble, {@code netweave manager serve} against them, and a {@code
 * netweave host-agent serve} per host, each with the files {@code netweave cert issue} wrote from
 * the manager's authority. A logical switch made through the API is realised on both hosts and held
 * by its VNI's controller; an agent with a certificate from another authority is refused; SIGTERM
 * stops every daemon cleanly.
 */
class DaemonsTest {
    private static final Duration UP = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;
    private final Map<String, Process> daemons = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private String api;
    private String token;

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process daemon : daemons.values()) {
            daemon.destroyForcibly();
            daemon.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void controllersManagerAndHostAgentsAsDaemonsRealiseASwitchOverMutualTls() throws Exception {
        List<Integer> ports = new FreePorts(InetAddress.getLoopbackAddress()).take(3 * 4 + 3);
        Path managerData = dir.resolve("manager");
        Files.createDirectories(managerData);
        // A directory without an authority is refused unless asked to make one: a mistyped
        // --data-dir must not make a root nobody trusts.
        assertThat(cli("cert", "issue", "controller", "controller-1", "--data-dir", managerData.toString(), "--out",
                dir.resolve("c1").toString())).contains("holds no certificate authority");
        assertThat(managerData.resolve("pki")).doesNotExist();
        // The controllers' credentials, each in its own directory, with its peers' certificates
        // beside its own: the ensemble admits exactly these three. The first issue makes the
        // authority the manager then runs.
        for (int i = 1; i <= 3; i++) {
            issue("controller", "controller-" + i, managerData, dir.resolve("c" + i), "--init-authority");
        }
        for (int i = 1; i <= 3; i++) {
            for (int peer = 1; peer <= 3; peer++) {
                Path crt = dir.resolve("c" + peer).resolve("controller-controller-" + peer + ".crt");
                Files.copy(crt, dir.resolve("c" + i).resolve(crt.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path secret = dir.resolve("zookeeper.secret");
        Files.writeString(secret, "s3cret-of-the-ensemble\n");
        List<String> peers = new ArrayList<>();
        Map<String, String> hostFacing = new LinkedHashMap<>();
        for (int i = 1; i <= 3; i++) {
            int base = (i - 1) * 4;
            peers.add(i + "=controller-" + i + "@127.0.0.1:" + ports.get(base) + ":" + ports.get(base + 1) + ":"
                    + ports.get(base + 2));
            hostFacing.put("controller-" + i, "127.0.0.1:" + ports.get(base + 3));
        }
        for (int i = 1; i <= 3; i++) {
            List<String> args = new ArrayList<>(List.of("controller", "serve", "--id", "controller-" + i,
                    "--credentials", dir.resolve("c" + i).toString(), "--listen", hostFacing.get("controller-" + i),
                    "--data-dir", dir.resolve("c" + i + "-data").toString(), "--zookeeper-secret-file", secret.toString(),
                    "--session-timeout", "PT2S"));
            peers.forEach(peer -> args.addAll(List.of("--peer", peer)));
            if (i > 1) {
                args.add("--join");
            }
            // One after the other: each joins through those running.
            awaitRunning(launch("controller-" + i, args), "controller-" + i);
        }
        int apiPort = ports.get(12);
        int southbound = ports.get(13);
        List<String> managerArgs = new ArrayList<>(List.of("manager", "serve", "--data-dir", managerData.toString(),
                "--api-port", String.valueOf(apiPort), "--southbound-port", String.valueOf(southbound)));
        hostFacing.forEach((id, address) -> managerArgs.addAll(List.of("--controller", id + "=" + address)));
        awaitRunning(launch("manager", managerArgs), "manager");
        api = "http://127.0.0.1:" + apiPort + "/api/v1";
        token = Files.readString(managerData.resolve("admin.token")).strip();

        List<String> hosts = prepareTwoHosts();
        String vxlanPort = String.valueOf(ports.get(14));
        for (String host : hosts) {
            issue("host", host, managerData, dir.resolve(host));
            awaitRunning(launch(host, List.of("host-agent", "serve", "--host", host, "--credentials",
                    dir.resolve(host).toString(), "--manager", "127.0.0.1:" + southbound, "--vxlan-port", vxlanPort)), host);
        }

        // Each agent's datapath sits in the subnet of its VTEP's pool, as host preparation gave it.
        for (String host : hosts) {
            assertThat(log(host)).contains("segment 127.0.31.0/25");
        }

        String zone = created(post("/transport-zones", "{\"name\":\"tz-1\",\"replicationMode\":\"UNICAST\","
                + "\"clusterIds\":[\"" + get("/hosts/" + hosts.get(0)).at("/clusterId").asText() + "\"]}")).at("/id").asText();
        created(post("/segment-pools", "{\"name\":\"segments\",\"begin\":5000,\"end\":5999}"));
        String ls = created(post("/logical-switches", "{\"name\":\"web\",\"transportZoneId\":\"" + zone + "\"}"))
                .at("/id").asText();
        await().atMost(UP).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode state = get("/logical-switches/" + ls);
            assertThat(state.at("/realization/state").asText()).as(state.toString()).isEqualTo("REALIZED");
            assertThat(state.at("/realization/hosts").size()).as(state.toString()).isEqualTo(2);
        });
        int vni = get("/logical-switches/" + ls).at("/vni").asInt();
        await().atMost(UP).untilAsserted(() -> {
            JsonNode owner = get("/logical-switches/vni/" + vni + "/controller");
            assertThat(owner.at("/present").asBoolean()).as(owner.toString()).isTrue();
            assertThat(owner.at("/controllerId").asText()).as(owner.toString()).startsWith("controller-");
        });

        // A revocation reaches the controller daemons from the manager: each keeps it in its copy
        // of the revocations, and the stream host-1 holds is closed at once.
        Reply revoked = post("/certificates/host/" + hosts.get(0) + "/revoke", "{}");
        assertThat(revoked.status()).as(revoked.text()).isBetween(200, 204);
        String serials = Files.readString(managerData.resolve("pki").resolve("revoked.txt"));
        assertThat(serials).isNotBlank();
        await().atMost(UP).untilAsserted(() -> {
            for (int i = 1; i <= 3; i++) {
                assertThat(dir.resolve("c" + i).resolve("revoked.txt")).as("controller-%d's copy", i).hasContent(serials.strip());
            }
        });
        await().atMost(UP).until(() -> log("controller-1").concat(log("controller-2")).concat(log("controller-3"))
                .contains("the certificate of host " + hosts.get(0) + " was revoked; its stream is closed"));
        // The other host asks the manager for the revocations and keeps them too.
        await().atMost(UP).untilAsserted(() -> assertThat(dir.resolve(hosts.get(1)).resolve("revoked.txt"))
                .as("host-2's copy").hasContent(serials.strip()));

        // Another authority's certificate for a real host's name: no handshake with the manager
        // succeeds (each end refuses the other's root), and the agent says why.
        Path rogueAuthority = dir.resolve("rogue-manager");
        Files.createDirectories(rogueAuthority);
        issue("host", hosts.get(1), rogueAuthority, dir.resolve("rogue"), "--init-authority");
        launch("rogue", List.of("host-agent", "serve", "--host", hosts.get(1), "--credentials", dir.resolve("rogue").toString(),
                "--manager", "127.0.0.1:" + southbound, "--vxlan-port", vxlanPort));
        await().atMost(UP).until(() -> log("rogue").contains("the manager's configuration is not reachable (UNAVAILABLE"));

        // SIGTERM: each daemon closes what it runs and says so.
        Map<String, String> lifecycleNames = new LinkedHashMap<>();
        hosts.forEach(host -> lifecycleNames.put(host, "host-agent " + host));
        lifecycleNames.put("manager", "manager");
        for (int i = 3; i >= 1; i--) {
            lifecycleNames.put("controller-" + i, "controller controller-" + i);
        }
        lifecycleNames.put("rogue", "host-agent " + hosts.get(1));
        lifecycleNames.forEach((name, lifecycle) -> {
            Process daemon = daemons.get(name);
            daemon.destroy();
            try {
                assertThat(daemon.waitFor(60, TimeUnit.SECONDS)).as(name + " ended on SIGTERM").isTrue();
                assertThat(log(name)).as(name).contains(lifecycle + ": stop requested, shutting down")
                        .doesNotContain("closing failed", "still closing");
            } catch (InterruptedException | IOException e) {
                throw new AssertionError(e);
            }
        });
        for (String name : List.of(hosts.get(0), hosts.get(1), "manager", "controller-3", "controller-2", "controller-1")) {
            assertThat(log(name)).as(name).contains(lifecycleNames.get(name) + " stopped");
        }
        assertThat(log("rogue")).as("stopped while it waited for the manager, without a start")
                .contains("stopped while starting").doesNotContain("is running");
        assertThat(log("manager")).as("the store closed and compacted by the manager, not by H2's exit hook")
                .doesNotContain("did not compact");
        for (String name : daemons.keySet()) {
            assertThat(log(name)).as("%s: no stack trace passes through Netweave's code", name)
                    .doesNotContain("at org.netweave");
        }
    }

    /** The hosts of one cluster, prepared with loopback VTEPs; their ids. */
    private List<String> prepareTwoHosts() throws Exception {
        String dc = created(post("/datacenters", "{\"name\":\"dc-1\"}")).at("/id").asText();
        String pool = created(post("/ip-pools",
                "{\"name\":\"vtep-pool\",\"start\":\"127.0.31.1\",\"end\":\"127.0.31.100\",\"prefixLength\":25}")).at("/id").asText();
        String cluster = created(post("/clusters", "{\"datacenterId\":\"" + dc + "\",\"name\":\"cluster-1\"}")).at("/id").asText();
        List<String> hosts = new ArrayList<>();
        for (int n = 1; n <= 2; n++) {
            hosts.add(created(post("/hosts", "{\"clusterId\":\"" + cluster + "\",\"name\":\"esx-" + n
                    + "\",\"managementIp\":\"192.0.2." + n + "\",\"vmkernelPorts\":[{\"device\":\"vmk0\",\"ip\":\"192.0.2."
                    + n + "\",\"prefixLength\":24,\"services\":[\"MANAGEMENT\"]}]}")).at("/id").asText());
        }
        Reply prepared = post("/clusters/" + cluster + "/prepare", "{\"ipPoolId\":\"" + pool + "\"}");
        assertThat(prepared.status()).as(prepared.text()).isBetween(200, 201);
        return hosts;
    }

    private static void issue(String component, String name, Path managerData, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("cert", "issue", component, name, "--data-dir", managerData.toString(),
                "--out", out.toString()));
        args.addAll(List.of(more));
        assertThat(cli(args.toArray(String[]::new))).contains("written to");
    }

    /** Runs the command in this JVM; its output, once it has exited 0 — or its error, after exit 2. */
    private static String cli(String... args) {
        StringWriter output = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(output));
        cli.setErr(new PrintWriter(output));
        int status = cli.execute(args);
        assertThat(status).as(output.toString()).isIn(0, 2);
        return output.toString();
    }

    private Process launch(String name, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Small and quick to start: six of them share two cores with this test.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx384m", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start();
        daemons.put(name, process);
        return process;
    }

    private void awaitRunning(Process process, String name) {
        await().atMost(UP).pollInterval(Duration.ofMillis(100)).until(() -> {
            assertThat(process.isAlive()).as("%s exited:%n%s", name, log(name)).isTrue();
            return log(name).contains("is running");
        });
    }

    private String log(String name) throws IOException {
        return Files.readString(dir.resolve(name + ".log"));
    }

    private record Reply(int status, JsonNode body, String text) {
        JsonNode at(String pointer) {
            return body.at(pointer);
        }
    }

    private Reply post(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(api + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private JsonNode get(String path) throws Exception {
        Reply reply = send(HttpRequest.newBuilder(URI.create(api + path)).GET());
        assertThat(reply.status()).as(path + ": " + reply.text()).isEqualTo(200);
        return reply.body();
    }

    private Reply send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        String text = response.body();
        return new Reply(response.statusCode(), text.isBlank() ? JSON.nullNode() : JSON.readTree(text), text);
    }

    private static Reply created(Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply;
    }
}
