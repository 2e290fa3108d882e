package org.netweave.manager.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.controller.embedded.FreePorts;
import org.netweave.controller.zk.PeerSpec;
import org.netweave.manager.Manager;
import org.netweave.manager.testing.ApiClient;
import org.netweave.manager.testing.ControllerProcess;
import org.netweave.manager.testing.HostAgentProcess;
import org.netweave.manager.testing.LabTopology;
import org.netweave.manager.testing.ManagerProcess;
import org.netweave.model.ControllerId;
import org.netweave.model.HostId;
import org.netweave.pki.CertificateAuthority;
import org.netweave.pki.ComponentIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crash safety: the manager, a controller and a host agent, each a process of its own, are killed
 * with SIGKILL at random points of a write workload, round after round, and started again on their
 * directories. At the end every acknowledged write is in the store and nothing that was never
 * asked for; every logical switch is realised on every host of its zone, and known to the
 * controllers.
 *
 * <p>A write whose answer was lost (the manager died with it in flight) may or may not have
 * happened; the check allows either for exactly those writes.
 */
@Tag("embedded-zookeeper")
class CrashSafetyTest {
    private static final Logger LOG = LoggerFactory.getLogger(CrashSafetyTest.class);
    private static final int ROUNDS = 20;
    private static final int HOSTS = 3;
    private static final int CONTROLLERS = 3;
    private static final Duration UP_WAIT = Duration.ofSeconds(60);
    private static final Duration CONVERGE = Duration.ofSeconds(90);

    private enum Victim { MANAGER, CONTROLLER, HOST_AGENT }

    /** Kept when the test fails: each process's log is there, one file per launch. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void killedComponentsComeBackToTheDesiredStateWithEveryAcknowledgedWrite() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        LOG.info("crash safety: seed {}", seed);
        Path data = Files.createDirectories(dir.resolve("manager"));
        Path pki = data.resolve(Manager.PKI_DIR);
        CertificateAuthority authority = CertificateAuthority.openOrCreate(pki);
        List<Integer> ports = new FreePorts(InetAddress.getLoopbackAddress()).take(2 + CONTROLLERS * 4);
        int apiPort = ports.get(0);
        int southboundPort = ports.get(1);
        List<ControllerProcess.Peer> peers = new ArrayList<>();
        for (int i = 0; i < CONTROLLERS; i++) {
            int base = 2 + i * 4;
            ControllerId id = ControllerId.of("controller-" + (i + 1));
            peers.add(new ControllerProcess.Peer(new PeerSpec(id, i + 1, "127.0.0.1", ports.get(base),
                    ports.get(base + 1), ports.get(base + 2)), ports.get(base + 3)));
            // Issued here, before any process runs: each then only reads its own.
            authority.credentialsFor(ComponentIdentity.controller(id));
        }
        String superSecret = "crash-" + Long.toHexString(random.nextLong() & Long.MAX_VALUE);

        Processes processes = new Processes(dir);
        try {
            for (int i = 1; i <= CONTROLLERS; i++) {
                int index = i;
                processes.start("controller-" + i, ControllerProcess.UP, log -> ControllerProcess.launch(pki,
                        dir.resolve("controller-" + index), superSecret, index == 1 ? "first" : "join", index, peers, log));
                processes.awaitUp("controller-" + i);
            }
            Map<ControllerId, String> fleet = new LinkedHashMap<>();
            peers.forEach(peer -> fleet.put(peer.spec().id(), peer.hostAddress()));
            ApiClient api = new ApiClient(apiPort);
            processes.start("manager", null, log -> ManagerProcess.launch(data, apiPort, southboundPort, fleet, log));
            awaitManager(api, processes);
            LabTopology lab = new LabTopology(api).compute(HOSTS).logicalSwitches("base");
            for (String host : lab.hosts) {
                authority.credentialsFor(ComponentIdentity.host(HostId.of(host)));
            }
            for (String host : lab.hosts) {
                processes.start(host, HostAgentProcess.UP, log -> HostAgentProcess.launch(pki, southboundPort, host, log));
            }
            lab.hosts.forEach(processes::awaitUp);
            awaitRealised(api, lab.transportZone);

            Workload workload = new Workload(api, lab.transportZone, new Random(random.nextLong()));
            Thread writer = Thread.ofPlatform().name("crash-workload").start(workload);
            Map<Victim, Integer> kills = new EnumMap<>(Victim.class);
            long allBackAt = 0;
            try {
                for (int round = 0; round < ROUNDS; round++) {
                    Victim victim = Victim.values()[round % Victim.values().length];
                    String name = switch (victim) {
                        case MANAGER -> "manager";
                        case CONTROLLER -> "controller-" + (1 + random.nextInt(CONTROLLERS));
                        case HOST_AGENT -> lab.hosts.get(random.nextInt(HOSTS));
                    };
                    // A random point of the workload: after a few more writes, with two more on
                    // their way (the writer works through what it is allowed, one write after
                    // another, so the kill lands between writes or in the middle of one).
                    int burst = 1 + random.nextInt(4);
                    int target = workload.finished() + burst;
                    workload.allow(burst + 2);
                    await().atMost(UP_WAIT).until(() -> workload.progressed(target));
                    // The last victim may still be starting while the workload goes on; it is back
                    // before it is killed again, and all controllers are back before one is: a
                    // cluster of three survives one failure at a time.
                    switch (victim) {
                        case MANAGER -> awaitManager(api, processes);
                        case CONTROLLER -> peers.forEach(peer -> processes.awaitUp(peer.spec().id().value()));
                        case HOST_AGENT -> processes.awaitUp(name);
                    }
                    LOG.info("crash round {}: SIGKILL {} after {} writes", round + 1, name, target);
                    processes.kill(name);
                    kills.merge(victim, 1, Integer::sum);
                    switch (victim) {
                        case MANAGER -> processes.start("manager", null,
                                log -> ManagerProcess.launch(data, apiPort, southboundPort, fleet, log));
                        case CONTROLLER -> {
                            int index = Integer.parseInt(name.substring("controller-".length()));
                            processes.start(name, ControllerProcess.UP, log -> ControllerProcess.launch(pki,
                                    dir.resolve(name), superSecret, "restart", index, peers, log));
                        }
                        case HOST_AGENT -> processes.start(name, HostAgentProcess.UP,
                                log -> HostAgentProcess.launch(pki, southboundPort, name, log));
                    }
                }
                processes.awaitAllUp();
                awaitManager(api, processes);
                allBackAt = System.nanoTime();
            } finally {
                workload.stop();
                writer.join();
            }
            assertThat(workload.failure).as("the workload's writer failed").isNull();
            LOG.info("crash safety: {} rounds {}; {} writes acknowledged, {} refused, {} in doubt", ROUNDS, kills,
                    workload.acknowledged(), workload.refused.get(), workload.inDoubt.size());
            assertThat(kills.values()).allMatch(count -> count >= ROUNDS / Victim.values().length);
            assertThat(workload.acknowledged()).isGreaterThan(ROUNDS);

            // Every acknowledged write is there, nothing else is.
            Map<String, Integer> stored = switchesOf(api, lab.transportZone);
            Set<String> mustExist = new HashSet<>(workload.created.keySet());
            mustExist.removeAll(workload.deleted);
            mustExist.removeAll(workload.inDoubt);
            Set<String> missing = new HashSet<>(mustExist);
            missing.removeAll(stored.keySet());
            missing.forEach(name -> LOG.error("crash safety: {} is missing; its writes: {}", name, workload.history(name)));
            assertThat(stored.keySet()).as("acknowledged switches (process logs in %s)", dir).containsAll(mustExist);
            assertThat(stored.keySet()).as("deleted switches").doesNotContainAnyElementsOf(workload.deleted);
            Set<String> allowed = new HashSet<>(mustExist);
            allowed.addAll(workload.inDoubt);
            allowed.add("base");
            assertThat(allowed).as("nothing that was not asked for").containsAll(stored.keySet());

            awaitRealised(api, lab.transportZone);
            LOG.info("crash safety: realised on every host {} ms after every process was back",
                    (System.nanoTime() - allBackAt) / 1_000_000);
            // And the controllers hold every switch the store holds, at the VNI's owner.
            for (int vni : switchesOf(api, lab.transportZone).values()) {
                await().atMost(CONVERGE).untilAsserted(() -> {
                    ApiClient.Reply owner = api.get("/logical-switches/vni/" + vni + "/controller");
                    assertThat(owner.status()).as("VNI %d at the controllers: %s", vni, owner.text()).isEqualTo(200);
                    assertThat(owner.at("/present").asBoolean()).as("VNI %d at its owner: %s", vni, owner.text()).isTrue();
                });
            }
        } finally {
            processes.close();
        }
    }

    /** Name → VNI of the switches of the zone the store holds. */
    private static Map<String, Integer> switchesOf(ApiClient api, String zone) {
        Map<String, Integer> switches = new HashMap<>();
        api.get("/logical-switches?transportZoneId=" + zone).body()
                .forEach(ls -> switches.put(ls.at("/name").asText(), ls.at("/vni").asInt()));
        return switches;
    }

    /** Every switch of the zone realised on all the hosts. */
    private static void awaitRealised(ApiClient api, String zone) {
        await().atMost(CONVERGE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode all = api.get("/logical-switches?transportZoneId=" + zone).body();
            assertThat(all.size()).isPositive();
            for (JsonNode ls : all) {
                assertThat(ls.at("/realization/state").asText()).as(ls.toString()).isEqualTo("REALIZED");
                assertThat(ls.at("/realization/hosts").size()).as(ls.toString()).isEqualTo(HOSTS);
            }
        });
    }

    private static void awaitManager(ApiClient api, Processes processes) {
        await().atMost(UP_WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(processes.isAlive("manager")).as("the manager process exited").isTrue();
            try {
                return api.get("/controllers").status() == 200;
            } catch (IllegalStateException notYet) {
                return false;
            }
        });
    }

    /**
     * Creates and deletes logical switches one after another, as many as it is allowed, keeping
     * what each answer said: acknowledged, refused (4xx: nothing written), or in doubt (no
     * answer). Between 3 and {@link #MOST_LIVE} switches live at a time, so the end state is small.
     */
    private static final class Workload implements Runnable {
        private static final int MOST_LIVE = 12;
        private final ApiClient api;
        private final String zone;
        private final Random random;
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final AtomicInteger acknowledged = new AtomicInteger();
        private final AtomicInteger finished = new AtomicInteger();
        private final Semaphore allowed = new Semaphore(0);
        final AtomicInteger refused = new AtomicInteger();
        /** Name → id of every switch whose creation was acknowledged. */
        final Map<String, String> created = new ConcurrentHashMap<>();
        final Set<String> deleted = ConcurrentHashMap.newKeySet();
        final Set<String> inDoubt = ConcurrentHashMap.newKeySet();
        /** What each write to a switch got, in order: for the report when a check fails. */
        private final Map<String, List<String>> histories = new ConcurrentHashMap<>();
        private final List<String> live = new ArrayList<>();
        private int next;

        Workload(ApiClient api, String zone, Random random) {
            this.api = api;
            this.zone = zone;
            this.random = random;
        }

        int acknowledged() {
            return acknowledged.get();
        }

        /** Whether {@code target} writes finished; fails at once if the writer failed. */
        boolean progressed(int target) {
            assertThat(failure).as("the workload's writer failed").isNull();
            return finished.get() >= target;
        }

        /** Lets the writer make {@code writes} more writes. */
        void allow(int writes) {
            allowed.release(writes);
        }

        /** Writes answered or failed so far. */
        int finished() {
            return finished.get();
        }

        void stop() {
            stopped.set(true);
            allowed.release();
        }

        private volatile Throwable failure;

        @Override
        public void run() {
            try {
                write();
            } catch (RuntimeException | Error e) {
                failure = e;
                throw e;
            }
        }

        private void write() {
            while (!stopped.get()) {
                allowed.acquireUninterruptibly();
                if (stopped.get()) {
                    return;
                }
                boolean create = live.size() < 3 || live.size() < MOST_LIVE && random.nextBoolean();
                String name = create ? "ls-" + (++next) : live.get(random.nextInt(live.size()));
                String op = create ? "create" : "delete";
                try {
                    ApiClient.Reply reply = create
                            ? api.post("/logical-switches", "{\"name\":\"" + name + "\",\"transportZoneId\":\"" + zone + "\"}")
                            : api.delete("/logical-switches/" + created.get(name));
                    record(name, op + " " + reply.status() + (reply.status() / 100 == 2
                            ? (create ? " " + reply.at("/id").asText() + " at generation " + reply.at("/generation").asText() : "")
                            : " " + reply.text()));
                    if (reply.status() / 100 == 2) {
                        if (create) {
                            created.put(name, reply.at("/id").asText());
                            live.add(name);
                        } else {
                            deleted.add(name);
                            live.remove(name);
                        }
                        acknowledged.incrementAndGet();
                    } else if (reply.status() / 100 == 4) {
                        refused.incrementAndGet();
                    } else {
                        doubt(name, create);
                    }
                } catch (IllegalStateException noAnswer) {
                    record(name, op + " without an answer: " + noAnswer.getCause());
                    doubt(name, create);
                    // The manager is down: wait for it rather than spin against a closed port.
                    awaitAnswer();
                }
                finished.incrementAndGet();
            }
        }

        private void record(String name, String outcome) {
            histories.computeIfAbsent(name, n -> new ArrayList<>()).add(outcome);
            if (!outcome.matches("(create|delete) 2\\d\\d.*")) {
                LOG.info("crash workload: {} {}", name, outcome);
            }
        }

        List<String> history(String name) {
            return histories.getOrDefault(name, List.of());
        }

        private void doubt(String name, boolean create) {
            inDoubt.add(name);
            if (!create) {
                live.remove(name);
            }
        }

        private void awaitAnswer() {
            await().atMost(UP_WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
                if (stopped.get()) {
                    return true;
                }
                try {
                    return api.get("/controllers").status() == 200;
                } catch (IllegalStateException notYet) {
                    return false;
                }
            });
        }
    }

    /** The test's processes by name; each launch gets a log file of its own. */
    private static final class Processes implements AutoCloseable {
        @FunctionalInterface
        interface Launch {
            Process start(Path log) throws IOException;
        }

        private final Path dir;
        private final Map<String, Process> running = new LinkedHashMap<>();
        private final Map<String, Integer> launches = new HashMap<>();

        Processes(Path dir) {
            this.dir = dir;
        }

        private final Map<String, Runnable> pendingUp = new HashMap<>();

        /**
         * Starts {@code name} and returns at once; {@link #awaitUp} waits until it printed {@code
         * upLine} (a process without one is awaited by its caller).
         */
        void start(String name, String upLine, Launch launch) throws IOException {
            int count = launches.merge(name, 1, Integer::sum);
            Path log = dir.resolve(name + "-" + count + ".log");
            Process process = launch.start(log);
            running.put(name, process);
            if (upLine != null) {
                pendingUp.put(name, () -> await().atMost(UP_WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
                    assertThat(process.isAlive()).as("%s exited; see %s", name, log).isTrue();
                    return Files.exists(log) && Files.readString(log).contains(upLine);
                }));
            }
        }

        void awaitUp(String name) {
            Runnable wait = pendingUp.remove(name);
            if (wait != null) {
                wait.run();
            }
        }

        void awaitAllUp() {
            List.copyOf(pendingUp.keySet()).forEach(this::awaitUp);
        }

        boolean isAlive(String name) {
            return running.get(name).isAlive();
        }

        /** SIGKILL: no shutdown hook runs, nothing is closed or flushed. */
        void kill(String name) throws InterruptedException {
            pendingUp.remove(name);
            Process process = running.remove(name);
            process.destroyForcibly();
            process.waitFor();
        }

        @Override
        public void close() throws InterruptedException {
            for (String name : List.copyOf(running.keySet())) {
                kill(name);
            }
        }
    }
}
