package org.netweave.manager.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.netweave.manager.api.ApiServer;
import org.netweave.manager.realization.RealizationService;
import org.netweave.manager.store.Store;
import org.netweave.manager.testing.ApiClient;
import org.netweave.manager.testing.TestDatabases;

/**
 * A manager with only the inventory's routes, over a fresh database, and shortcuts that create
 * objects through the API. {@link #snapshot()} is everything the API shows plus the store's
 * generation, to prove a refused request changed nothing.
 */
final class InventoryFixture implements AutoCloseable {
    final TestDatabases.Fresh database;
    final Store store;
    final RealizationService realization = new RealizationService();
    final InventoryService inventory;
    final InventoryAdminService admin;
    final ApiServer server;
    final ApiClient api;

    private InventoryFixture(TestDatabases.Fresh database, InventoryConfig config) {
        this.database = database;
        this.store = new Store(database.database());
        this.inventory = new InventoryService(store);
        this.admin = new InventoryAdminService(store, config);
        this.server = ApiServer.start("127.0.0.1", 0, List.of(new InventoryRoutes(inventory, admin, realization)), "test");
        this.api = new ApiClient(server.port());
    }

    static InventoryFixture start(Path dir) {
        return start(TestDatabases.Kind.H2, dir, InventoryConfig.DEFAULTS);
    }

    static InventoryFixture start(TestDatabases.Kind kind, Path dir, InventoryConfig config) {
        return new InventoryFixture(TestDatabases.create(kind, dir), config);
    }

    /**
     * Empties every table but the schema history and the generation counter (H2 only), so a test
     * starts from no objects and ids from 1 while its class shares one server: starting a server
     * builds the OpenAPI document, which costs more than most tests. Generations keep counting up,
     * so what a host reported applied in an earlier test never covers a new object.
     */
    void reset() {
        database.database().jdbi().useHandle(h -> {
            List<String> tables = h.createQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE'").mapTo(String.class).list();
            h.execute("SET REFERENTIAL_INTEGRITY FALSE");
            for (String table : tables) {
                if (!table.equals("flyway_schema_history") && !table.equals("generation_counter")) {
                    h.execute("TRUNCATE TABLE " + table);
                }
            }
            h.execute("SET REFERENTIAL_INTEGRITY TRUE");
        });
    }

    @Override
    public void close() {
        server.close();
        database.close();
    }

    String snapshot() {
        StringBuilder all = new StringBuilder("generation ").append(store.generation());
        for (String path : List.of("/datacenters", "/clusters", "/hosts", "/ip-pools", "/vms", "/anti-affinity-rules")) {
            ApiClient.Reply reply = api.get(path);
            assertThat(reply.status()).as(path).isEqualTo(200);
            all.append('\n').append(path).append(' ').append(reply.text());
        }
        return all.toString();
    }

    /** POSTs and returns the new object's id, failing the test unless it was created. */
    String create(String path, String json) {
        ApiClient.Reply reply = api.post(path, json);
        assertThat(reply.status()).as("POST %s %s -> %s", path, json, reply.text()).isEqualTo(201);
        return reply.at("/id").asText();
    }

    String datacenter(String name) {
        return create("/datacenters", "{\"name\":\"" + name + "\"}");
    }

    String cluster(String datacenter, String name) {
        return create("/clusters", "{\"datacenterId\":\"" + datacenter + "\",\"name\":\"" + name + "\"}");
    }

    /** A host with vmk0 (MANAGEMENT, 10.0.0.n) and vmk1 (VMOTION, 10.1.0.n). */
    String host(String cluster, int n) {
        return create("/hosts", hostJson(cluster, "esx-" + n, n, "[\"VMOTION\"]"));
    }

    /** A host with vmk0 (MANAGEMENT, 10.0.0.n) only: running VMs cannot vMotion to or from it. */
    String hostWithoutVmotion(String cluster, int n) {
        return create("/hosts", hostJson(cluster, "esx-" + n, n, null));
    }

    static String hostJson(String cluster, String name, int n, String secondPortServices) {
        String second = secondPortServices == null ? ""
                : ",{\"device\":\"vmk1\",\"ip\":\"10.1.0." + n + "\",\"prefixLength\":24,\"services\":" + secondPortServices + "}";
        return "{\"clusterId\":\"" + cluster + "\",\"name\":\"" + name + "\",\"managementIp\":\"10.0.0." + n + "\","
                + "\"vmkernelPorts\":[{\"device\":\"vmk0\",\"ip\":\"10.0.0." + n + "\",\"prefixLength\":24,"
                + "\"services\":[\"MANAGEMENT\"]}" + second + "]}";
    }

    String pool(String name, String start, String end) {
        return create("/ip-pools", "{\"name\":\"" + name + "\",\"start\":\"" + start + "\",\"end\":\"" + end
                + "\",\"prefixLength\":24}");
    }

    String vmOnHost(String name, String host) {
        return create("/vms", "{\"name\":\"" + name + "\",\"hostId\":\"" + host + "\"}");
    }

    String vmInCluster(String name, String cluster) {
        return create("/vms", "{\"name\":\"" + name + "\",\"clusterId\":\"" + cluster + "\"}");
    }

    /** Asserts the error answer: status, kind and field. */
    static void assertRefused(ApiClient.Reply reply, int status, String error, String field) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.at("/error").asText()).as(reply.text()).isEqualTo(error);
        if (field == null) {
            assertThat(reply.at("/field").isNull()).as(reply.text()).isTrue();
        } else {
            assertThat(reply.at("/field").asText()).as(reply.text()).isEqualTo(field);
        }
        assertThat(reply.at("/message").asText()).isNotBlank();
    }

    /** The host a VM runs on now. */
    String hostOf(String vm) {
        return api.get("/vms/" + vm).at("/hostId").asText();
    }
}
