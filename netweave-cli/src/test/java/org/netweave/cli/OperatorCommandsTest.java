package org.netweave.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.controller.zk.ZkTuning;
import org.netweave.manager.Manager;
import org.netweave.manager.ManagerSettings;
import org.netweave.manager.controllers.EmbeddedControllerFleet;
import picocli.CommandLine;

/** The operator commands against a running manager with one controller. */
class OperatorCommandsTest {
    @TempDir
    static Path dir;

    private static Manager manager;
    private static String api;

    @BeforeAll
    static void start() throws Exception {
        manager = Manager.start(ManagerSettings.local(dir.resolve("manager")).withoutApiAuth(), EmbeddedControllerFleet.create(
                dir.resolve("controllers"), ZkTuning.ofTick(Duration.ofMillis(200)), Duration.ofSeconds(2)));
        api = "http://127.0.0.1:" + manager.apiPort() + "/api/v1";
        HttpClient http = HttpClient.newHttpClient();
        http.send(HttpRequest.newBuilder(URI.create(api + "/controllers")).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(60)).until(() -> run("controller", "list").out().contains("RUNNING"));
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    static CliRun run(String... args) {
        return CliRun.of(api, args);
    }

    @Test
    void controllerListShowsTheNodeItsStateAndItsRoles() {
        CliRun list = run("controller", "list");
        assertThat(list.exit()).isZero();
        assertThat(list.out().lines().findFirst().orElseThrow()).startsWith("ID").contains("MASTER OF");
        assertThat(list.out()).contains("controller-1", "RUNNING", "Connected to cluster majority", "switch_manager");
        CliRun json = run("controller", "list", "--json");
        assertThat(json.out().strip()).startsWith("[").contains("\"masterOf\"");
    }

    @Test
    void showControlClusterPrintsWhatTheControllerPrints() {
        CliRun status = run("show", "control-cluster", "status");
        assertThat(status.exit()).isZero();
        assertThat(status.out()).contains("Join status:        Join complete");
        assertThat(run("show", "control-cluster", "roles").out()).contains("api_provider");
    }

    @Test
    void emptyInventoriesPrintTheirHeaders() {
        assertThat(run("vm", "list").out()).startsWith("ID").contains("HOST");
        assertThat(run("show", "logical-switch", "list", "all").out()).startsWith("NAME").contains("VNI");
        assertThat(run("show", "logical-router", "list", "all").out()).startsWith("Edge-Id");
    }

    @Test
    void aJobShowsItsNamedSteps() {
        CliRun job = run("job", "jobdata-1");
        assertThat(job.exit()).isZero();
        assertThat(job.out()).contains("DEPLOY_CONTROLLER", "SUCCEEDED", "start the controller node and its ZooKeeper peer");
    }

    @Test
    void aFollowedJobPrintsItsStepsAndEndsWithTheJob() {
        CliRun job = run("job", "jobdata-1", "--wait", "--timeout", "30");

        assertThat(job.exit()).as(job.err()).isZero();
        assertThat(job.out().lines().toList()).first().asString().startsWith("step 1/");
        assertThat(job.out()).contains("'start the controller node and its ZooKeeper peer' DONE: controller-1 runs");
        assertThat(job.out().lines().toList()).last().isEqualTo("job jobdata-1 (DEPLOY_CONTROLLER controller-1) SUCCEEDED");
        CliRun refused = run("job", "jobdata-1", "--wait", "--timeout", "0");
        assertThat(refused.exit()).as("a timeout below one second is refused").isEqualTo(2);
        assertThat(refused.err()).contains("--timeout");
    }

    @Test
    void refusalsAndAMissingManagerAreOneLineWithExitTwo() {
        CliRun unknown = run("job", "jobdata-999");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no job jobdata-999").doesNotContain("Exception");
        CommandLine cli = Main.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("vm", "list", "--api", "http://127.0.0.1:9/api/v1");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("no manager answers at http://127.0.0.1:9/api/v1");
    }
}
