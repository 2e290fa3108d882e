package org.netweave.manager.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.netweave.manager.api.ApiServer;
import org.netweave.manager.realization.RealizationService;
import org.netweave.manager.store.Store;
import org.netweave.manager.testing.ApiClient;
import org.netweave.manager.testing.ApiClient.Reply;
import org.netweave.manager.testing.TestDatabases;

/**
 * The network API over a real store on H2, with a test {@link TestDlrLifecycle}; inventory rows
 * (the other engineer's tables) go in with plain SQL.
 */
public final class NetworkFixture implements AutoCloseable {
    private final TestDatabases.Fresh database;
    public final Store store;
    public final RealizationService realization = new RealizationService();
    public final TestDlrLifecycle lifecycle = new TestDlrLifecycle();
    public final NetworkApi network;
    private final ApiServer server;
    public final ApiClient api;

    private NetworkFixture(TestDatabases.Fresh database) {
        this.database = database;
        this.store = new Store(database.database());
        this.network = new NetworkApi(store, realization, lifecycle);
        this.server = ApiServer.start("127.0.0.1", 0, network.routes(), "test");
        this.api = new ApiClient(server.port());
    }

    public static NetworkFixture start(Path dir) {
        return new NetworkFixture(TestDatabases.create(TestDatabases.Kind.H2, dir));
    }

    /**
     * Empties every table but the generation counter, for the next test on the same server:
     * generations keep rising (realised state stays meaningful), ids start again at 1.
     */
    public void reset() {
        lifecycle.clear();
        database.database().jdbi().useHandle(handle -> {
            List<String> tables = handle.createQuery("SELECT table_name FROM information_schema.tables"
                            + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")
                    .mapTo(String.class).list();
            handle.execute("SET REFERENTIAL_INTEGRITY FALSE");
            for (String table : tables) {
                if (!table.equals("generation_counter") && !table.equals("flyway_schema_history")) {
                    handle.execute("TRUNCATE TABLE " + table);
                }
            }
            handle.execute("SET REFERENTIAL_INTEGRITY TRUE");
        });
        network.logicalSwitchAdmin().forgetVniFloors();
    }

    /** Runs SQL outside the store's generations, as the inventory or a job would have written it. */
    public void sql(String sql, Object... args) {
        database.database().jdbi().useHandle(handle -> handle.execute(sql, args));
    }

    /**
     * Inventory: clusters domain-c1 and domain-c2 (zone A), domain-c3 (zone B); hosts host-1 and
     * host-2 in c1, host-3 in c2, host-9 in c3; VMs vm-1 (host-1), vm-3 (host-3), vm-9 (host-9)
     * with vNIC 0 each. Network: segment pool 5000-5999, zones "A" (c1, c2) and "B" (c3).
     */
    public Topology topology() {
        sql("INSERT INTO datacenter (id, name, generation) VALUES ('datacenter-1', 'dc', 0)");
        for (String cluster : List.of("domain-c1", "domain-c2", "domain-c3")) {
            sql("INSERT INTO compute_cluster (id, datacenter_id, name, generation) VALUES (?, 'datacenter-1', ?, 0)",
                    cluster, cluster);
        }
        host("host-1", "domain-c1", 1);
        host("host-2", "domain-c1", 2);
        host("host-3", "domain-c2", 3);
        host("host-9", "domain-c3", 9);
        vm("vm-1", "host-1", 1);
        vm("vm-3", "host-3", 3);
        vm("vm-9", "host-9", 9);
        String pool = created(api.post("/segment-pools", "{\"name\":\"pool\",\"begin\":5000,\"end\":5999}"), 201, "/id");
        String zoneA = created(api.post("/transport-zones",
                "{\"name\":\"A\",\"replicationMode\":\"UNICAST\",\"clusterIds\":[\"domain-c1\",\"domain-c2\"]}"), 201, "/id");
        String zoneB = created(api.post("/transport-zones",
                "{\"name\":\"B\",\"replicationMode\":\"HYBRID\",\"clusterIds\":[\"domain-c3\"]}"), 201, "/id");
        return new Topology(pool, zoneA, zoneB);
    }

    public record Topology(String pool, String zoneA, String zoneB) {
    }

    public void host(String id, String cluster, int n) {
        sql("INSERT INTO host (id, cluster_id, name, management_ip, prepared, vtep_ip, router_mac, generation)"
                        + " VALUES (?, ?, ?, ?, TRUE, ?, ?, 0)",
                id, cluster, id, "192.168.0." + n, "127.0.1." + n, String.format("02:00:00:00:00:%02x", n));
    }

    /** A workload VM with vNIC 0 (MAC 00:50:56:00:00:nn). */
    public void vm(String id, String host, int n) {
        sql("INSERT INTO vm (id, name, host_id, kind, power_state, dlr_id, generation)"
                + " VALUES (?, ?, ?, 'WORKLOAD', 'POWERED_ON', NULL, 0)", id, id, host);
        sql("INSERT INTO vnic (vm_id, vnic_index, mac, ip, logical_switch_id, generation) VALUES (?, 0, ?, ?, NULL, 0)",
                id, String.format("00:50:56:00:00:%02x", n), "10.0.1." + (100 + n));
    }

    public String logicalSwitch(String name, String zone) {
        return created(api.post("/logical-switches",
                "{\"name\":\"" + name + "\",\"transportZoneId\":\"" + zone + "\"}"), 201, "/id");
    }

    /** A DLR created from {@code json} and marked deployed, as its job would leave it. */
    public String deployedDlr(String json) {
        String id = created(api.post("/dlrs", json), 202, "/dlrId");
        deployed(id);
        return id;
    }

    /** What the deployment job does at its end: state DEPLOYED, zone set, the job SUCCEEDED. */
    public void deployed(String dlr) {
        sql("UPDATE dlr SET state = 'DEPLOYED', instances_created = TRUE, lifs_published = TRUE, transport_zone_id ="
                + " (SELECT MIN(ls.transport_zone_id) FROM lif l JOIN logical_switch ls ON ls.id = l.logical_switch_id"
                + " WHERE l.dlr_id = ?) WHERE id = ?", dlr, dlr);
        sql("UPDATE job SET state = 'SUCCEEDED' WHERE subject_id = ?", dlr);
    }

    /** Every collection and the store generation, to show a refused request changed nothing. */
    public String snapshot() {
        StringBuilder state = new StringBuilder("generation " + store.generation());
        for (String path : List.of("/segment-pools", "/transport-zones", "/logical-switches", "/dlrs")) {
            state.append('\n').append(path).append(' ').append(api.get(path).text());
        }
        for (var dlr : api.get("/dlrs").body()) {
            state.append('\n').append(api.get("/dlrs/" + dlr.get("id").asText()).text());
        }
        for (var ls : api.get("/logical-switches").body()) {
            String id = ls.get("id").asText();
            state.append('\n').append(api.get("/logical-switches/" + id + "/vnics").text())
                    .append(api.get("/logical-switches/" + id + "/external-vteps").text());
        }
        state.append("\njobs ").append(lifecycle.calls());
        return state.toString();
    }

    /** Runs a request that must be refused, checks the error shape and that nothing changed. */
    public Reply refused(int status, String error, String field, Supplier<Reply> request) {
        String before = snapshot();
        Reply reply = request.get();
        assertError(reply, status, error, field);
        assertThat(snapshot()).as("state after a refused request").isEqualTo(before);
        return reply;
    }

    public static void assertError(Reply reply, int status, String error, String field) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.at("/error").asText()).as(reply.text()).isEqualTo(error);
        if (field == null) {
            assertThat(reply.body().get("field").isNull()).as(reply.text()).isTrue();
        } else {
            assertThat(reply.at("/field").asText()).as(reply.text()).isEqualTo(field);
        }
        assertThat(reply.at("/message").asText()).as(reply.text()).isNotBlank();
    }

    public static String created(Reply reply, int status, String idPointer) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        return reply.at(idPointer).asText();
    }

    @Override
    public void close() {
        server.close();
        store.close();
        database.drop().run();
    }
}
