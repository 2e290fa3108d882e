package org.netweave.manager.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.netweave.model.ClusterId;
import org.netweave.model.DatacenterId;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;

/**
 * The SQL of datacenters, clusters, hosts with their VMkernel ports, and IP pools. Every method
 * takes the caller's handle, so it reads or writes inside whatever transaction the caller holds.
 * No checks here: the admin service checks, the schema backs it up. Lists come in natural id order.
 */
final class InventoryStore {
    private static final String CLUSTER_SELECT = "SELECT c.*, p.ip_pool_id FROM compute_cluster c"
            + " LEFT JOIN cluster_preparation p ON p.cluster_id = c.id";
    private static final String HOST_SELECT = "SELECT h.*, (o.host_id IS NOT NULL) AS powered_off FROM host h"
            + " LEFT JOIN host_powered_off o ON o.host_id = h.id";

    // ---- datacenters ----

    void insertDatacenter(Handle h, DatacenterRecord datacenter) {
        h.execute("INSERT INTO datacenter (id, name, generation) VALUES (?, ?, ?)",
                datacenter.id().value(), datacenter.name(), datacenter.generation());
    }

    List<DatacenterRecord> datacenters(Handle h) {
        return NaturalOrder.sorted(h.createQuery("SELECT * FROM datacenter").map((rs, ctx) -> InventoryRows.datacenter(rs)).list(),
                DatacenterRecord::id);
    }

    Optional<DatacenterRecord> datacenter(Handle h, DatacenterId id) {
        return h.createQuery("SELECT * FROM datacenter WHERE id = :id").bind("id", id.value())
                .map((rs, ctx) -> InventoryRows.datacenter(rs)).findOne();
    }

    Optional<DatacenterId> datacenterNamed(Handle h, String name) {
        return h.createQuery("SELECT id FROM datacenter WHERE name = :name").bind("name", name)
                .mapTo(String.class).findOne().map(DatacenterId::of);
    }

    void deleteDatacenter(Handle h, DatacenterId id) {
        h.execute("DELETE FROM datacenter WHERE id = ?", id.value());
    }

    // ---- clusters ----

    void insertCluster(Handle h, ClusterId id, DatacenterId datacenter, String name, long generation) {
        h.execute("INSERT INTO compute_cluster (id, datacenter_id, name, generation) VALUES (?, ?, ?, ?)",
                id.value(), datacenter.value(), name, generation);
    }

    List<ClusterRecord> clusters(Handle h, Optional<DatacenterId> datacenter) {
        Map<ClusterId, List<HostId>> hosts = hostIdsByCluster(h);
        var query = datacenter.isPresent()
                ? h.createQuery(CLUSTER_SELECT + " WHERE c.datacenter_id = :dc").bind("dc", datacenter.get().value())
                : h.createQuery(CLUSTER_SELECT);
        return NaturalOrder.sorted(query.map((rs, ctx) -> InventoryRows.cluster(rs,
                hosts.getOrDefault(ClusterId.of(rs.getString("id")), List.of()))).list(), ClusterRecord::id);
    }

    Optional<ClusterRecord> cluster(Handle h, ClusterId id) {
        List<HostId> hosts = NaturalOrder.sorted(h.createQuery("SELECT id FROM host WHERE cluster_id = :id").bind("id", id.value())
                .mapTo(String.class).map(HostId::of).list(), host -> host);
        return h.createQuery(CLUSTER_SELECT + " WHERE c.id = :id").bind("id", id.value())
                .map((rs, ctx) -> InventoryRows.cluster(rs, hosts)).findOne();
    }

    Optional<ClusterId> clusterNamed(Handle h, DatacenterId datacenter, String name) {
        return h.createQuery("SELECT id FROM compute_cluster WHERE datacenter_id = :dc AND name = :name")
                .bind("dc", datacenter.value()).bind("name", name).mapTo(String.class).findOne().map(ClusterId::of);
    }

    void prepareCluster(Handle h, ClusterId id, IpPoolId pool, long generation) {
        h.execute("INSERT INTO cluster_preparation (cluster_id, ip_pool_id) VALUES (?, ?)", id.value(), pool.value());
        h.execute("UPDATE compute_cluster SET generation = ? WHERE id = ?", generation, id.value());
    }

    /** What outside the inventory names the cluster (transport zones, DLR appliances), as sentences' subjects. */
    List<String> clusterUsers(Handle h, ClusterId id) {
        List<String> users = new ArrayList<>();
        h.createQuery("SELECT transport_zone_id FROM transport_zone_cluster WHERE cluster_id = :id").bind("id", id.value())
                .mapTo(String.class).forEach(zone -> users.add("transport zone " + zone));
        h.createQuery("SELECT id FROM dlr WHERE appliance_cluster_id = :id").bind("id", id.value())
                .mapTo(String.class).forEach(dlr -> users.add("DLR " + dlr));
        return users;
    }

    void deleteCluster(Handle h, ClusterId id) {
        h.execute("DELETE FROM compute_cluster WHERE id = ?", id.value());
    }

    private Map<ClusterId, List<HostId>> hostIdsByCluster(Handle h) {
        Map<ClusterId, List<HostId>> byCluster = new HashMap<>();
        h.createQuery("SELECT id, cluster_id FROM host").map((rs, ctx) -> Map.entry(
                        ClusterId.of(rs.getString("cluster_id")), HostId.of(rs.getString("id"))))
                .forEach(e -> byCluster.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        byCluster.values().forEach(ids -> ids.sort(NaturalOrder.by(id -> id)));
        return byCluster;
    }

    // ---- hosts ----

    void insertHost(Handle h, HostRecord host) {
        h.createUpdate("INSERT INTO host (id, cluster_id, name, management_ip, prepared, vtep_ip, router_mac, generation)"
                        + " VALUES (:id, :cluster, :name, :mgmt, FALSE, NULL, NULL, :g)")
                .bind("id", host.id().value()).bind("cluster", host.clusterId().value()).bind("name", host.name())
                .bind("mgmt", host.managementIp().toString()).bind("g", host.generation()).execute();
        host.vmkernelPorts().forEach(port -> addVmkernelPort(h, host.id(), port));
        if (!host.powerState().isOn()) {
            h.execute("INSERT INTO host_powered_off (host_id) VALUES (?)", host.id().value());
        }
    }

    List<HostRecord> hosts(Handle h, Optional<ClusterId> cluster) {
        return cluster.map(c -> hostsWhere(h, "h.cluster_id = :c", Map.of("c", c.value())))
                .orElseGet(() -> hostsWhere(h, "TRUE", Map.of()));
    }

    List<HostRecord> hostsOfClusters(Handle h, Collection<ClusterId> clusters) {
        if (clusters.isEmpty()) {
            return List.of();
        }
        Map<String, Object> binds = new HashMap<>();
        List<String> names = new ArrayList<>();
        int i = 0;
        for (ClusterId cluster : clusters) {
            names.add(":c" + i);
            binds.put("c" + i++, cluster.value());
        }
        return hostsWhere(h, "h.cluster_id IN (" + String.join(", ", names) + ")", binds);
    }

    Optional<HostRecord> host(Handle h, HostId id) {
        return hostsWhere(h, "h.id = :id", Map.of("id", id.value())).stream().findFirst();
    }

    Optional<HostId> hostNamed(Handle h, String name) {
        return h.createQuery("SELECT id FROM host WHERE name = :name").bind("name", name)
                .mapTo(String.class).findOne().map(HostId::of);
    }

    void deleteHost(Handle h, HostId id) {
        h.execute("DELETE FROM host WHERE id = ?", id.value());
    }

    /** Every address a host uses (management addresses and VMkernel ports) and the host using it. */
    Map<Ipv4Address, HostId> addressesInUse(Handle h) {
        Map<Ipv4Address, HostId> used = new HashMap<>();
        h.createQuery("SELECT management_ip AS ip, id AS host_id FROM host UNION ALL SELECT ip, host_id FROM vmkernel_port")
                .map((rs, ctx) -> Map.entry(Ipv4Address.parse(rs.getString("ip")), HostId.of(rs.getString("host_id"))))
                .forEach(e -> used.put(e.getKey(), e.getValue()));
        return used;
    }

    void addVmkernelPort(Handle h, HostId host, VmkernelPort port) {
        h.execute("INSERT INTO vmkernel_port (host_id, device, ip, prefix_length, services) VALUES (?, ?, ?, ?, ?)",
                host.value(), port.device(), port.address().address().toString(), port.address().prefixLength(),
                InventoryRows.servicesText(port.services()));
    }

    void markPrepared(Handle h, HostId host, Ipv4Address vtepIp, MacAddress routerMac, long generation) {
        h.execute("UPDATE host SET prepared = TRUE, vtep_ip = ?, router_mac = ?, generation = ? WHERE id = ?",
                vtepIp.toString(), routerMac.toString(), generation, host.value());
    }

    Optional<HostId> hostWithRouterMac(Handle h, MacAddress mac) {
        return h.createQuery("SELECT id FROM host WHERE router_mac = :mac").bind("mac", mac.toString())
                .mapTo(String.class).findOne().map(HostId::of);
    }

    void setPower(Handle h, HostId host, PowerState power, long generation) {
        h.execute("DELETE FROM host_powered_off WHERE host_id = ?", host.value());
        if (!power.isOn()) {
            h.execute("INSERT INTO host_powered_off (host_id) VALUES (?)", host.value());
        }
        h.execute("UPDATE host SET generation = ? WHERE id = ?", generation, host.value());
    }

    private List<HostRecord> hostsWhere(Handle h, String condition, Map<String, Object> binds) {
        Map<HostId, List<VmkernelPort>> ports = new HashMap<>();
        h.createQuery("SELECT p.* FROM vmkernel_port p JOIN host h ON h.id = p.host_id WHERE " + condition)
                .bindMap(binds)
                .map((rs, ctx) -> Map.entry(HostId.of(rs.getString("host_id")), InventoryRows.vmkernelPort(rs)))
                .forEach(e -> ports.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        ports.values().forEach(list -> list.sort(NaturalOrder.by(VmkernelPort::device)));
        List<HostRecord> hosts = h.createQuery(HOST_SELECT + " WHERE " + condition).bindMap(binds)
                .map((rs, ctx) -> InventoryRows.host(rs, ports.getOrDefault(HostId.of(rs.getString("id")), List.of())))
                .list();
        return NaturalOrder.sorted(hosts, HostRecord::id);
    }

    // ---- IP pools ----

    void insertIpPool(Handle h, IpPoolRecord pool) {
        h.execute("INSERT INTO ip_pool (id, name, range_start, range_end, prefix_length, gateway, generation)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)", pool.id().value(), pool.name(), pool.start().toString(),
                pool.end().toString(), pool.prefixLength(), pool.gateway().map(Ipv4Address::toString).orElse(null),
                pool.generation());
    }

    List<IpPoolRecord> ipPools(Handle h) {
        return NaturalOrder.sorted(h.createQuery("SELECT * FROM ip_pool").map((rs, ctx) -> InventoryRows.ipPool(rs)).list(),
                IpPoolRecord::id);
    }

    Optional<IpPoolRecord> ipPool(Handle h, IpPoolId id) {
        return h.createQuery("SELECT * FROM ip_pool WHERE id = :id").bind("id", id.value())
                .map((rs, ctx) -> InventoryRows.ipPool(rs)).findOne();
    }

    Optional<IpPoolId> ipPoolNamed(Handle h, String name) {
        return h.createQuery("SELECT id FROM ip_pool WHERE name = :name").bind("name", name)
                .mapTo(String.class).findOne().map(IpPoolId::of);
    }

    List<ClusterId> clustersPreparedFrom(Handle h, IpPoolId pool) {
        return NaturalOrder.sorted(h.createQuery("SELECT cluster_id FROM cluster_preparation WHERE ip_pool_id = :p")
                .bind("p", pool.value()).mapTo(String.class).map(ClusterId::of).list(), c -> c);
    }

    void deleteIpPool(Handle h, IpPoolId id) {
        h.execute("DELETE FROM ip_pool WHERE id = ?", id.value());
    }
}
