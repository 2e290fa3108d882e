package org.netweave.manager.controllers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.controller.slice.Role;
import org.netweave.controller.zk.ZkTuning;
import org.netweave.manager.Manager;
import org.netweave.manager.ManagerSettings;
import org.netweave.manager.testing.ApiClient;
import org.netweave.manager.testing.LabTopology;
import org.netweave.model.HostId;
import org.netweave.pki.ComponentIdentity;
import org.netweave.pki.ComponentKind;
import org.netweave.proto.manager.v1.HostConfig;
import org.netweave.proto.manager.v1.HostConfigChannelGrpc;
import org.netweave.proto.manager.v1.HostHello;

/**
 * {@code /api/v1/controllers} against real embedded controllers (a ZooKeeper peer each): seed 002's
 * bootstrap one node at a time as each node reports it, removal down to the last controller and the
 * {@code forceRemoval} guard, and the refusals that leave the controller list as it was.
 */
@Tag("embedded-zookeeper")
class ControllerApiTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> ROLES = Arrays.stream(Role.values()).map(Role::cliName).toList();
    private static final List<String> DEPLOY_STEPS = List.of("receive the call",
            "start the controller node and its ZooKeeper peer", "join the cluster and elect role masters");
    private static final List<String> REMOVE_STEPS = List.of("receive the call",
            "leave the cluster and stop the node", "delete the controller");
    private static final String RESTART_SAFE = "This controller can be safely restarted";
    private static final String ONLY_NODE =
            "This controller cannot be safely restarted: it is the only node, so the cluster stops while it restarts";
    private static final String TWO_NODES = "This controller cannot be safely restarted: with two nodes the majority "
            + "is two, so no failure is tolerated";

    @TempDir
    Path dir;

    private Manager manager;
    private ApiClient api;
    private LabTopology lab;
    private HostStream host;

    @BeforeEach
    void start() throws Exception {
        manager = Manager.start(ManagerSettings.local(dir.resolve("manager")).withoutApiAuth(),
                EmbeddedControllerFleet.create(dir.resolve("controllers"), ZkTuning.ofTick(Duration.ofMillis(200)),
                        Duration.ofSeconds(2)));
        api = new ApiClient(manager.apiPort());
        lab = new LabTopology(api);
    }

    @AfterEach
    void stop() throws Exception {
        if (host != null) {
            host.close();
        }
        manager.close();
    }

    @Test
    void threeControllersDeployedOneAfterTheOtherFollowSeed002sBootstrap() {
        lab.compute(1);
        host = new HostStream(manager, lab.hosts.get(0));
        await().atMost(WAIT).untilAsserted(() -> assertThat(host.controllers()).isEmpty());
        assertThat(api.get("/controllers").body()).isEmpty();

        // The first bootstraps alone: master of every role, and restarting it stops the cluster.
        JsonNode job1 = deploy("{}");
        String c1 = job1.at("/subjectId").asText();
        assertThat(c1).isEqualTo("controller-1");
        assertThat(job1.at("/steps/1/detail").asText()).contains("the first controller", "master of every role");
        assertThat(job1.at("/steps/2/detail").asText()).contains("Join complete", "connected to cluster majority",
                ONLY_NODE);
        JsonNode one = controller(c1);
        assertThat(one.at("/name").asText()).isEqualTo(c1);
        assertThat(one.at("/status").asText()).isEqualTo("RUNNING");
        assertThat(one.at("/address").asText()).startsWith("127.0.0.1:");
        assertRuntime(one, ONLY_NODE);
        assertThat(strings(one.at("/runtime/masterOf"))).containsExactlyInAnyOrderElementsOf(ROLES);
        awaitHostSeesTheControllerList();

        // The second: the even special case, no failure tolerated, on both.
        JsonNode job2 = deploy("{\"name\":\"second\"}");
        String c2 = job2.at("/subjectId").asText();
        assertThat(c2).isEqualTo("controller-2");
        assertThat(job2.at("/steps/1/detail").asText()).contains("joined the ensemble by reconfiguration");
        assertThat(job2.at("/steps/2/detail").asText()).contains(TWO_NODES);
        assertThat(controller(c2).at("/name").asText()).isEqualTo("second");
        await().atMost(WAIT).untilAsserted(() -> {
            for (String id : List.of(c1, c2)) {
                assertRuntime(controller(id), TWO_NODES);
            }
            assertEveryRoleHasExactlyOneMaster(List.of(c1, c2));
        });
        awaitHostSeesTheControllerList();

        // The third: the stable state, every node can be restarted on its own.
        JsonNode job3 = deploy("");
        String c3 = job3.at("/subjectId").asText();
        assertThat(c3).isEqualTo("controller-3");
        assertThat(job3.at("/steps/2/detail").asText()).contains(RESTART_SAFE);
        await().atMost(WAIT).untilAsserted(() -> {
            for (String id : List.of(c1, c2, c3)) {
                assertRuntime(controller(id), RESTART_SAFE);
            }
            assertEveryRoleHasExactlyOneMaster(List.of(c1, c2, c3));
        });

        var list = api.get("/controllers");
        assertThat(list.status()).isEqualTo(200);
        assertThat(ids(list.body())).containsExactly(c1, c2, c3);
        List<String> addresses = strings(list.body(), "/address");
        assertThat(addresses).doesNotHaveDuplicates().allSatisfy(a -> assertThat(a).matches("127\\.0\\.0\\.1:\\d+"));
        assertThat(awaitHostSeesTheControllerList()).containsExactlyElementsOf(addresses);
        assertThat(host.controllers()).hasSize(3);
    }

    @Test
    void removingControllersKeepsEveryRoleMasteredAndTheLastGoesOnlyWithForceRemoval() {
        lab.compute(1).controllers(3);
        host = new HostStream(manager, lab.hosts.get(0));
        List<String> all = ids(api.get("/controllers").body());
        assertThat(all).containsExactly("controller-1", "controller-2", "controller-3");
        String c1 = all.get(0);
        String c2 = all.get(1);
        String c3 = all.get(2);
        awaitHostSeesTheControllerList();

        // controller-1 bootstrapped the cluster and is master of every role; the other two take over.
        assertThat(strings(controller(c1).at("/runtime/masterOf"))).containsExactlyInAnyOrderElementsOf(ROLES);
        JsonNode removed = remove(c1, "");
        assertThat(removed.at("/steps/1/detail").asText()).contains(c1, "left the ensemble");
        assertThat(ids(api.get("/controllers").body())).containsExactly(c2, c3);
        var gone = api.get("/controllers/" + c1);
        assertThat(gone.status()).as(gone.text()).isEqualTo(404);
        await().atMost(WAIT).untilAsserted(() -> {
            for (String id : List.of(c2, c3)) {
                assertRuntime(controller(id), TWO_NODES);
            }
            assertEveryRoleHasExactlyOneMaster(List.of(c2, c3));
        });
        assertThat(awaitHostSeesTheControllerList()).hasSize(2);

        // While controller-2 is being removed, controller-3 is already the last one: removing it too
        // without forceRemoval is refused, however far controller-2's job has come.
        var removing = api.delete("/controllers/" + c2);
        assertThat(removing.status()).as(removing.text()).isEqualTo(202);
        assertRefusedAsLast(api.delete("/controllers/" + c3), c3);
        lab.awaitJob(removing.at("/jobId").asText(), "SUCCEEDED");
        assertThat(ids(api.get("/controllers").body())).containsExactly(c3);
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode last = controller(c3);
            assertThat(last.at("/status").asText()).isEqualTo("RUNNING");
            assertRuntime(last, ONLY_NODE);
            assertThat(strings(last.at("/runtime/masterOf"))).containsExactlyInAnyOrderElementsOf(ROLES);
        });
        assertThat(awaitHostSeesTheControllerList()).hasSize(1);

        // The last one: refused without forceRemoval (or with it false), and nothing changes.
        List<String> before = shape();
        int jobsBefore = jobCount();
        assertRefusedAsLast(api.delete("/controllers/" + c3), c3);
        assertRefusedAsLast(api.delete("/controllers/" + c3 + "?forceRemoval=false"), c3);
        assertThat(shape()).isEqualTo(before);
        assertThat(jobCount()).isEqualTo(jobsBefore);
        assertRuntime(controller(c3), ONLY_NODE);

        // With forceRemoval it goes, and hosts are left without controllers.
        JsonNode forced = remove(c3, "?forceRemoval=true");
        assertThat(forced.at("/subjectId").asText()).isEqualTo(c3);
        assertThat(api.get("/controllers").body()).isEmpty();
        assertThat(api.get("/controllers/" + c3).status()).isEqualTo(404);
        await().atMost(WAIT).untilAsserted(() -> assertThat(host.controllers()).isEmpty());
    }

    @Test
    void badRequestsAreRefusedWithTheErrorShapeAndChangeNothing() {
        JsonNode deployed = deploy("{\"name\":\"ctl-a\"}");
        String c1 = deployed.at("/subjectId").asText();
        List<String> before = shape();
        assertThat(before).hasSize(1);
        int jobsBefore = jobCount();

        assertError(api.delete("/controllers/controller-99"), 404, "not_found", "id", "controller-99");
        assertError(api.get("/controllers/controller-99"), 404, "not_found", "id", "controller-99");
        assertError(api.delete("/controllers/" + c1 + "?forceRemoval=maybe"), 400, "invalid_value", "forceRemoval",
                "maybe");
        assertError(api.post("/controllers", "{\"name\":\"ctl-b\",\"size\":\"large\"}"), 400, "unknown_field",
                "size", "size");
        assertError(api.post("/controllers", "{\"name\":5}"), 400, "invalid_value", "name", "name");
        assertError(api.post("/controllers", "{\"name\":\"ctl-a\"}"), 409, "conflict", "name", "ctl-a");
        assertError(api.post("/controllers", "{\"name\":\"  ctl-a \"}"), 409, "conflict", "name", "ctl-a");

        assertThat(shape()).isEqualTo(before);
        assertThat(jobCount()).isEqualTo(jobsBefore);
        assertRuntime(controller(c1), ONLY_NODE);
        // The refused deploys took no id: the next one is controller-2.
        assertThat(deploy("{\"name\":\"ctl-b\"}").at("/subjectId").asText()).isEqualTo("controller-2");
    }

    /** POSTs a deployment, waits for its job and checks it: kind, subject and every step DONE with a detail. */
    private JsonNode deploy(String body) {
        var accepted = api.post("/controllers", body);
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        String id = accepted.at("/controllerId").asText();
        assertThat(id).matches("controller-\\d+");
        assertThat(accepted.at("/generation").asLong()).isPositive();
        JsonNode job = lab.awaitJob(accepted.at("/jobId").asText(), "SUCCEEDED");
        assertJob(job, "DEPLOY_CONTROLLER", id, DEPLOY_STEPS);
        return job;
    }

    private JsonNode remove(String id, String query) {
        var accepted = api.delete("/controllers/" + id + query);
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        assertThat(accepted.at("/controllerId").asText()).isEqualTo(id);
        assertThat(accepted.at("/generation").asLong()).isPositive();
        JsonNode job = lab.awaitJob(accepted.at("/jobId").asText(), "SUCCEEDED");
        assertJob(job, "REMOVE_CONTROLLER", id, REMOVE_STEPS);
        return job;
    }

    private static void assertJob(JsonNode job, String kind, String subject, List<String> steps) {
        assertThat(job.at("/kind").asText()).isEqualTo(kind);
        assertThat(job.at("/subjectId").asText()).isEqualTo(subject);
        List<String> names = new ArrayList<>();
        job.at("/steps").forEach(step -> {
            names.add(step.at("/name").asText());
            assertThat(step.at("/state").asText()).as(step.toString()).isEqualTo("DONE");
            assertThat(step.at("/detail").asText()).as(step.toString()).isNotBlank();
            assertThat(step.at("/startedAt").asText()).as(step.toString()).isNotBlank();
            assertThat(step.at("/finishedAt").asText()).as(step.toString()).isNotBlank();
        });
        assertThat(names).containsExactlyElementsOf(steps);
    }

    private JsonNode controller(String id) {
        var reply = api.get("/controllers/" + id);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.at("/id").asText()).isEqualTo(id);
        return reply.body();
    }

    private static void assertRuntime(JsonNode controller, String restartStatus) {
        JsonNode runtime = controller.at("/runtime");
        assertThat(runtime.at("/up").asBoolean()).as(controller.toString()).isTrue();
        assertThat(runtime.at("/joinStatus").asText()).as(controller.toString()).isEqualTo("Join complete");
        assertThat(runtime.at("/majorityStatus").asText()).as(controller.toString())
                .isEqualTo("Connected to cluster majority");
        assertThat(runtime.at("/restartStatus").asText()).as(controller.toString()).isEqualTo(restartStatus);
    }

    /** Across the controllers' own reports, each role is named once: one master, never two. */
    private void assertEveryRoleHasExactlyOneMaster(List<String> ids) {
        List<String> masters = new ArrayList<>();
        for (String id : ids) {
            masters.addAll(strings(controller(id).at("/runtime/masterOf")));
        }
        assertThat(masters).containsExactlyInAnyOrderElementsOf(ROLES);
    }

    private static void assertRefusedAsLast(ApiClient.Reply reply, String id) {
        assertError(reply, 409, "conflict", "forceRemoval", id);
        assertThat(reply.at("/message").asText()).contains("last controller", "forceRemoval=true");
    }

    private static void assertError(ApiClient.Reply reply, int status, String error, String field, String mentions) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.at("/error").asText()).as(reply.text()).isEqualTo(error);
        assertThat(reply.at("/field").asText()).as(reply.text()).isEqualTo(field);
        assertThat(reply.at("/message").asText()).as(reply.text()).contains(mentions);
    }

    /** The controller list as stored (runtime left out): a refused call must leave every line as it was. */
    private List<String> shape() {
        var reply = api.get("/controllers");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        List<String> lines = new ArrayList<>();
        reply.body().forEach(c -> lines.add(c.at("/id").asText() + " " + c.at("/name").asText() + " "
                + c.at("/address").asText() + " " + c.at("/status").asText() + " " + c.at("/generation").asLong()
                + " " + c.at("/createdAt").asText()));
        return lines;
    }

    /**
     * Waits until the host's configuration lists the addresses GET /controllers shows (the manager
     * sends them sorted, so in any order) and returns them.
     */
    private List<String> awaitHostSeesTheControllerList() {
        List<String> addresses = strings(api.get("/controllers").body(), "/address");
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(host.controllers()).containsExactlyInAnyOrderElementsOf(addresses));
        return addresses;
    }

    private static List<String> ids(JsonNode list) {
        return strings(list, "/id");
    }

    private static List<String> strings(JsonNode array, String pointer) {
        List<String> values = new ArrayList<>();
        array.forEach(element -> values.add(element.at(pointer).asText()));
        return values;
    }

    private static List<String> strings(JsonNode array) {
        assertThat(array.isArray()).as(array.toString()).isTrue();
        return strings(array, "");
    }

    /** A host's configuration stream, as a host agent subscribes to it, keeping the newest configuration. */
    private static final class HostStream implements AutoCloseable {
        private final ManagedChannel channel;
        private final AtomicReference<HostConfig> latest = new AtomicReference<>();

        HostStream(Manager manager, String hostId) {
            channel = Grpc.newChannelBuilderForAddress("127.0.0.1", manager.southboundPort(),
                    manager.transportFor(ComponentIdentity.host(HostId.of(hostId))).channelCredentials(ComponentKind.MANAGER)).build();
            HostConfigChannelGrpc.newStub(channel).subscribe(HostHello.newBuilder().setHostId(hostId).build(),
                    new StreamObserver<>() {
                        @Override
                        public void onNext(HostConfig config) {
                            latest.set(config);
                        }

                        @Override
                        public void onError(Throwable t) {
                        }

                        @Override
                        public void onCompleted() {
                        }
                    });
        }

        /** The controllers of the newest configuration; null before the first arrives. */
        List<String> controllers() {
            HostConfig config = latest.get();
            return config == null ? null : List.copyOf(config.getControllersList());
        }

        @Override
        public void close() throws InterruptedException {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** GET /jobs, which must answer 200 with an array. */
    private int jobCount() {
        var jobs = api.get("/jobs");
        assertThat(jobs.status()).as(jobs.text()).isEqualTo(200);
        assertThat(jobs.body().isArray()).isTrue();
        return jobs.body().size();
    }
}
