package org.netweave.manager.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.manager.Manager;
import org.netweave.manager.ManagerSettings;
import org.netweave.manager.controllers.ExternalControllerFleet;
import org.netweave.manager.testing.ApiClient;

/**
 * Bearer tokens on a real manager: the bootstrap administrator token on first start (0600), 401
 * without a known token and 403 for a role that may not, each with a JSON body (Neutron's shape
 * under /v2.0), tokens made, listed without secrets and revoked, and the open paths a client needs
 * before it has a token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiAuthTest {
    Path dir;
    Manager manager;
    ApiClient anonymous;
    ApiClient admin;
    String adminToken;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        this.dir = dir;
        manager = Manager.start(ManagerSettings.local(dir), new ExternalControllerFleet(Map.of()));
        anonymous = new ApiClient(manager.apiPort());
        adminToken = Files.readString(dir.resolve(ApiTokens.BOOTSTRAP_FILE)).strip();
        admin = anonymous.withToken(adminToken);
    }

    @AfterAll
    void stop() {
        if (manager != null) {
            manager.close();
        }
    }

    @Test
    void theFirstStartWritesAnAdministratorTokenOnlyItsOwnerCanRead() throws Exception {
        Path file = dir.resolve(ApiTokens.BOOTSTRAP_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(adminToken).startsWith("nwt_").hasSizeGreaterThan(40);
        assertThat(admin.get("/tokens").body()).anySatisfy(t -> {
            assertThat(t.path("name").asText()).isEqualTo("admin");
            assertThat(t.path("role").asText()).isEqualTo("enterprise_admin");
        });
    }

    @Test
    void withoutAKnownTokenEveryApiAnswers401WithABodyNamingTheHeader() throws Exception {
        ApiClient.Reply none = anonymous.get("/logical-switches");
        ApiClient.Reply wrong = anonymous.withToken("nwt_guessed").get("/logical-switches");

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.at("/error").asText()).isEqualTo("unauthorized");
        assertThat(none.at("/field").asText()).isEqualTo("Authorization");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.at("/message").asText()).contains("not known");
        HttpResponse<String> metrics = raw("GET", "/metrics", Map.of());
        assertThat(metrics.statusCode()).isEqualTo(401);
        assertThat(metrics.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        ApiClient.Reply neutron = new ApiClient(root()).get("/v2.0/networks");
        assertThat(neutron.status()).isEqualTo(401);
        assertThat(neutron.at("/NeutronError/type").asText()).as(neutron.text()).isNotEmpty();
    }

    @Test
    void aClientFindsTheApiDescriptionTheConsoleAndNeutronsVersionsWithoutAToken() throws Exception {
        assertThat(anonymous.get("/openapi.json").status()).isEqualTo(200);
        assertThat(raw("GET", "/ui/", Map.of()).statusCode()).isEqualTo(200);
        assertThat(raw("GET", "/v2.0", Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void anAuditorReadsAndIsRefusedEveryChangeWith403() {
        ApiClient auditor = anonymous.withToken(make("audit-1", "auditor"));

        assertThat(auditor.get("/logical-switches").status()).isEqualTo(200);
        ApiClient.Reply write = auditor.post("/logical-switches", "{\"name\":\"ls-x\"}");
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.at("/error").asText()).isEqualTo("forbidden");
        assertThat(write.at("/message").asText()).contains("auditor").contains("POST /api/v1/logical-switches");
        assertThat(auditor.get("/tokens").status()).as("token names are for administrators").isEqualTo(403);
    }

    @Test
    void aNetworkEngineerChangesLogicalNetworkingButNotControllersOrInventory() {
        String secret = make("neteng-1", "network_engineer");
        ApiClient engineer = anonymous.withToken(secret);

        // Past the gate: the request itself is then judged (here: no such transport zone).
        assertThat(engineer.post("/logical-switches", "{\"name\":\"ls-1\",\"transportZoneId\":\"vdnscope-9\"}").status())
                .isNotIn(401, 403);
        assertThat(engineer.post("/controllers", "{}").status()).isEqualTo(403);
        assertThat(engineer.post("/vms", "{\"name\":\"x\"}").status()).isEqualTo(403);
        assertThat(engineer.post("/transport-zones", "{}").status()).isEqualTo(403);
        ApiClient.Reply neutron = new ApiClient(root()).withHeader("X-Auth-Token", secret)
                .post("/v2.0/networks", "{\"network\":{\"name\":\"n1\"}}");
        assertThat(neutron.status()).as("OpenStack clients send X-Auth-Token; " + neutron.text()).isNotIn(401, 403);
    }

    @Test
    void spellingsOfAPathReachNothingTheRuleDidNotSee() throws Exception {
        String auditor = make("audit-paths", "auditor");
        Map<String, String> as = Map.of("Authorization", "Bearer " + auditor);

        assertThat(raw("GET", "/api/v1/tokens/", as).statusCode()).isEqualTo(403);
        assertThat(raw("HEAD", "/api/v1/tokens", as).statusCode()).isEqualTo(403);
        assertThat(raw("POST", "/api/v1/logical-switches/", as).statusCode()).isEqualTo(403);
        assertThat(raw("GET", "/api/v1/%74okens", as).statusCode()).isNotEqualTo(200);
        assertThat(raw("GET", "/API/v1/tokens", as).statusCode()).isNotEqualTo(200);
        assertThat(raw("GET", "//api/v1/tokens", as).statusCode()).isNotEqualTo(200);
    }

    @Test
    void aTokensSecretIsShownOnceAndARevokedTokenIsRefusedAtOnce() {
        ApiClient.Reply made = admin.post("/tokens", "{\"name\":\"ci-1\",\"role\":\"auditor\"}");
        assertThat(made.status()).isEqualTo(201);
        String secret = made.at("/secret").asText();
        String id = made.at("/id").asText();
        assertThat(anonymous.withToken(secret).get("/jobs").status()).isEqualTo(200);
        assertThat(admin.get("/tokens").text()).as("secrets never come back").doesNotContain(secret).contains("ci-1");

        assertThat(admin.delete("/tokens/" + id).status()).isEqualTo(204);

        assertThat(anonymous.withToken(secret).get("/jobs").status()).isEqualTo(401);
        assertThat(admin.delete("/tokens/" + id).status()).isEqualTo(404);
    }

    @Test
    void badTokenRequestsNameTheFieldAndTheLastAdministratorStays() {
        assertThat(admin.post("/tokens", "{\"name\":\"x\",\"role\":\"root\"}").at("/field").asText()).isEqualTo("role");
        assertThat(admin.post("/tokens", "{\"name\":\"\",\"role\":\"auditor\"}").at("/field").asText()).isEqualTo("name");
        assertThat(admin.post("/tokens", "{\"name\":\"admin\",\"role\":\"auditor\"}").status()).isEqualTo(409);
        String adminId = null;
        for (var token : admin.get("/tokens").body()) {
            if (token.path("name").asText().equals("admin")) {
                adminId = token.path("id").asText();
            }
        }
        ApiClient.Reply last = admin.delete("/tokens/" + adminId);
        assertThat(last.status()).as(last.text()).isEqualTo(409);
        assertThat(admin.get("/jobs").status()).isEqualTo(200);
    }

    @Test
    void tokensOutliveARestartAndTheBootstrapFileIsNotRewritten(@TempDir Path other) throws Exception {
        Path managerDir = other.resolve("manager");
        String first;
        try (Manager once = Manager.start(ManagerSettings.local(managerDir), new ExternalControllerFleet(Map.of()))) {
            first = Files.readString(managerDir.resolve(ApiTokens.BOOTSTRAP_FILE)).strip();
        }
        Files.delete(managerDir.resolve(ApiTokens.BOOTSTRAP_FILE));
        try (Manager again = Manager.start(ManagerSettings.local(managerDir), new ExternalControllerFleet(Map.of()))) {
            assertThat(managerDir.resolve(ApiTokens.BOOTSTRAP_FILE)).as("tokens exist: no second bootstrap").doesNotExist();
            assertThat(new ApiClient(again.apiPort()).withToken(first).get("/jobs").status()).isEqualTo(200);
        }
    }

    @Test
    void aClientOverItsRateGets429WithRetryAfterAndOthersGoOn(@TempDir Path other) throws Exception {
        Path managerDir = other.resolve("manager");
        try (Manager limited = Manager.start(ManagerSettings.local(managerDir).withRateLimit(new RateLimit(2, 5)),
                new ExternalControllerFleet(Map.of()))) {
            String token = Files.readString(managerDir.resolve(ApiTokens.BOOTSTRAP_FILE)).strip();
            String jobs = "http://127.0.0.1:" + limited.apiPort() + "/api/v1/jobs";
            for (int i = 0; i < 5; i++) {
                assertThat(get(jobs, token).statusCode()).as("request %d of the burst", i + 1).isEqualTo(200);
            }
            HttpResponse<String> refused = null;
            for (int i = 0; i < 20 && refused == null; i++) {
                HttpResponse<String> next = get(jobs, token);
                refused = next.statusCode() == 429 ? next : null;
            }

            assertThat(refused).as("20 more at once, at 2 per second").isNotNull();
            assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(v ->
                    assertThat(Long.parseLong(v)).isPositive());
            assertThat(refused.body()).contains("\"error\":\"too_many_requests\"");
            assertThat(get(jobs, null).statusCode()).as("another client has its own bucket").isEqualTo(401);
        }
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String make(String name, String role) {
        ApiClient.Reply made = admin.post("/tokens", "{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}");
        assertThat(made.status()).as(made.text()).isEqualTo(201);
        return made.at("/secret").asText();
    }

    private String root() {
        return "http://127.0.0.1:" + manager.apiPort();
    }

    private HttpResponse<String> raw(String method, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
