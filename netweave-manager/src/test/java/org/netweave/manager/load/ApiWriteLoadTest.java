package org.netweave.manager.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.manager.Manager;
import org.netweave.manager.ManagerSettings;
import org.netweave.manager.auth.ApiTokens;
import org.netweave.manager.controllers.ExternalControllerFleet;
import org.netweave.manager.testing.ApiClient;
import org.netweave.manager.testing.LabTopology;

/**
 * 10,000 API writes (logical switches) from eight clients as fast as the manager takes them,
 * each client with its own token as a real automation would have, while two auditors read: every
 * switch a reader is told exists is there, and at the end the store holds exactly the switches
 * whose creation was acknowledged — each with its own VNI — and nothing else. Prints the
 * sustained rate; the figure belongs in the issue note, not in an assertion.
 */
class ApiWriteLoadTest {
    private static final int WRITERS = 8;
    private static final int WRITES = 10_000;
    private static final int READERS = 2;
    private static final long READ_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private record Acked(String id, int vni) {
    }

    @Test
    void tenThousandConcurrentWritesLeaveExactlyTheAcknowledgedOnesWhileReadersSeeEveryOneOfThem(@TempDir Path dir)
            throws Exception {
        try (Manager manager = Manager.start(ManagerSettings.local(dir), new ExternalControllerFleet(Map.of()))) {
            ApiClient admin = new ApiClient(manager.apiPort())
                    .withToken(Files.readString(dir.resolve(ApiTokens.BOOTSTRAP_FILE)).strip());
            LabTopology lab = new LabTopology(admin).compute(2);
            assertThat(admin.post("/segment-pools", "{\"name\":\"segments\",\"begin\":5000,\"end\":15999}").status())
                    .isEqualTo(201);
            String zone = admin.post("/transport-zones", "{\"name\":\"tz-1\",\"replicationMode\":\"UNICAST\","
                    + "\"clusterIds\":[\"" + lab.clusters.getFirst() + "\"]}").at("/id").asText();

            Map<String, Acked> acked = new ConcurrentHashMap<>();
            List<String> ackedIds = new CopyOnWriteArrayList<>();
            List<String> failures = new CopyOnWriteArrayList<>();
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicLong reads = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
            List<Future<?>> writers = new ArrayList<>();
            List<Future<?>> readers = new ArrayList<>();
            long started = System.nanoTime();
            for (int w = 0; w < WRITERS; w++) {
                ApiClient client = client(admin, manager, "writer-" + w, "network_engineer");
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int n = 0; n < WRITES / WRITERS; n++) {
                        String name = "w" + writer + "-" + n;
                        ApiClient.Reply reply = untilNotThrottled(() -> client.post("/logical-switches",
                                "{\"name\":\"" + name + "\",\"transportZoneId\":\"" + zone + "\"}"));
                        if (reply.status() == 201) {
                            String id = reply.at("/id").asText();
                            acked.put(id, new Acked(id, reply.at("/vni").asInt()));
                            ackedIds.add(id);
                        } else {
                            failures.add(name + ": " + reply.status() + " " + reply.text());
                        }
                    }
                }));
            }
            for (int r = 0; r < READERS; r++) {
                ApiClient client = client(admin, manager, "reader-" + r, "auditor");
                readers.add(pool.submit(() -> {
                    while (writing.get()) {
                        int known = ackedIds.size();
                        if (known == 0) {
                            Thread.onSpinWait();
                            continue;
                        }
                        // Any switch whose creation was acknowledged before the read must be there, as acknowledged.
                        Acked one = acked.get(ackedIds.get(ThreadLocalRandom.current().nextInt(known)));
                        ApiClient.Reply reply = untilNotThrottled(() -> client.get("/logical-switches/" + one.id()));
                        if (reply.status() != 200 || reply.at("/vni").asInt() != one.vni()) {
                            failures.add("read " + one + ": " + reply.status() + " " + reply.text());
                        }
                        reads.incrementAndGet();
                        // Dashboards and scripts polling, not a second write load: about 100 reads/s each.
                        LockSupport.parkNanos(READ_INTERVAL_NANOS);
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(10, TimeUnit.MINUTES);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            writing.set(false);
            for (Future<?> reader : readers) {
                reader.get(1, TimeUnit.MINUTES);
            }
            pool.shutdown();
            System.out.printf("API write load: %d logical switches created by %d clients in %.1f s = %.0f writes/s,"
                            + " with %d clients reading %d times meanwhile%n", acked.size(), WRITERS, seconds,
                    acked.size() / seconds, READERS, reads.get());

            assertThat(failures).isEmpty();
            assertThat(acked).hasSize(WRITES);
            assertThat(reads.get()).as("the readers ran").isPositive();
            JsonNode all = admin.get("/logical-switches").body();
            Map<String, Integer> stored = new HashMap<>();
            Set<Integer> vnis = new HashSet<>();
            all.forEach(ls -> {
                stored.put(ls.at("/id").asText(), ls.at("/vni").asInt());
                vnis.add(ls.at("/vni").asInt());
            });
            assertThat(stored).as("exactly the acknowledged switches, each with the VNI it was given").hasSize(WRITES)
                    .isEqualTo(acked.values().stream().collect(java.util.stream.Collectors.toMap(Acked::id, Acked::vni)));
            assertThat(vnis).as("no VNI twice").hasSize(WRITES);
        }
    }

    /** A client with its own token, so each has its own rate-limit bucket as separate automations would. */
    private static ApiClient client(ApiClient admin, Manager manager, String name, String role) {
        ApiClient.Reply token = admin.post("/tokens", "{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}");
        assertThat(token.status()).as(token.text()).isEqualTo(201);
        return new ApiClient(manager.apiPort()).withToken(token.at("/secret").asText());
    }

    /** Sends again after the Retry-After a 429 names, as an HTTP client should. */
    private static ApiClient.Reply untilNotThrottled(java.util.function.Supplier<ApiClient.Reply> request) {
        while (true) {
            ApiClient.Reply reply = request.get();
            if (reply.status() != 429) {
                return reply;
            }
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
        }
    }
}
