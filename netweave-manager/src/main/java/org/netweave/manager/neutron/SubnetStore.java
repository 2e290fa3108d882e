package org.netweave.manager.neutron;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;

/** SQL for the neutron_subnet and neutron_allocation_pool tables. */
final class SubnetStore {
    private static final String COLUMNS = "id, network_id, name, project_id, cidr, gateway_ip, enable_dhcp";

    private SubnetStore() {
    }

    static void insert(Handle handle, SubnetRow subnet, long generation) {
        handle.createUpdate("INSERT INTO neutron_subnet (" + COLUMNS + ", ip_version, generation)"
                        + " VALUES (:id, :network, :name, :project, :cidr, :gateway, :dhcp, 4, :g)")
                .bind("id", subnet.id().value()).bind("network", subnet.network().value()).bind("name", subnet.name())
                .bind("project", subnet.projectId()).bind("cidr", subnet.cidr().toString())
                .bind("gateway", subnet.gatewayIp() == null ? null : subnet.gatewayIp().toString())
                .bind("dhcp", subnet.enableDhcp()).bind("g", generation)
                .execute();
        insertPools(handle, subnet);
    }

    /** Name, gateway, DHCP flag and pools: what a PUT may change. */
    static void update(Handle handle, SubnetRow subnet, long generation) {
        handle.createUpdate("UPDATE neutron_subnet SET name = :name, gateway_ip = :gateway, enable_dhcp = :dhcp,"
                        + " generation = :g WHERE id = :id")
                .bind("id", subnet.id().value()).bind("name", subnet.name())
                .bind("gateway", subnet.gatewayIp() == null ? null : subnet.gatewayIp().toString())
                .bind("dhcp", subnet.enableDhcp()).bind("g", generation)
                .execute();
        handle.createUpdate("DELETE FROM neutron_allocation_pool WHERE subnet_id = :id").bind("id", subnet.id().value())
                .execute();
        insertPools(handle, subnet);
    }

    private static void insertPools(Handle handle, SubnetRow subnet) {
        for (AllocationPool pool : subnet.pools()) {
            handle.createUpdate("INSERT INTO neutron_allocation_pool (subnet_id, first_ip, last_ip)"
                            + " VALUES (:id, :first, :last)")
                    .bind("id", subnet.id().value()).bind("first", pool.start().toString())
                    .bind("last", pool.end().toString()).execute();
        }
    }

    static Optional<SubnetRow> get(Handle handle, NeutronSubnetId id) {
        List<AllocationPool> pools = pools(handle, "WHERE subnet_id = :id", id.value()).getOrDefault(id, List.of());
        return handle.createQuery("SELECT " + COLUMNS + " FROM neutron_subnet WHERE id = :id")
                .bind("id", id.value()).map((rs, ctx) -> row(rs, pools)).findOne();
    }

    static List<SubnetRow> list(Handle handle) {
        Map<NeutronSubnetId, List<AllocationPool>> pools = pools(handle, "", null);
        return handle.createQuery("SELECT " + COLUMNS + " FROM neutron_subnet ORDER BY generation, id")
                .map((rs, ctx) -> row(rs, pools.getOrDefault(new NeutronSubnetId(rs.getString("id")), List.of())))
                .list();
    }

    static List<SubnetRow> ofNetwork(Handle handle, NeutronNetworkId network) {
        Map<NeutronSubnetId, List<AllocationPool>> pools = pools(handle,
                "WHERE subnet_id IN (SELECT id FROM neutron_subnet WHERE network_id = :id)", network.value());
        return handle.createQuery("SELECT " + COLUMNS + " FROM neutron_subnet WHERE network_id = :id ORDER BY generation, id")
                .bind("id", network.value())
                .map((rs, ctx) -> row(rs, pools.getOrDefault(new NeutronSubnetId(rs.getString("id")), List.of())))
                .list();
    }

    static void delete(Handle handle, NeutronSubnetId id) {
        handle.createUpdate("DELETE FROM neutron_subnet WHERE id = :id").bind("id", id.value()).execute();
    }

    private static Map<NeutronSubnetId, List<AllocationPool>> pools(Handle handle, String where, String id) {
        var query = handle.createQuery("SELECT subnet_id, first_ip, last_ip FROM neutron_allocation_pool " + where);
        if (id != null) {
            query.bind("id", id);
        }
        Map<NeutronSubnetId, List<AllocationPool>> pools = new HashMap<>();
        query.map((rs, ctx) -> Map.entry(new NeutronSubnetId(rs.getString(1)),
                        new AllocationPool(Ipv4Address.parse(rs.getString(2)), Ipv4Address.parse(rs.getString(3)))))
                .forEach(e -> pools.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        pools.values().forEach(list -> list.sort((a, b) -> Integer.compareUnsigned(a.start().value(), b.start().value())));
        return pools;
    }

    private static SubnetRow row(ResultSet rs, List<AllocationPool> pools) throws SQLException {
        String gateway = rs.getString("gateway_ip");
        return new SubnetRow(new NeutronSubnetId(rs.getString("id")), new NeutronNetworkId(rs.getString("network_id")),
                rs.getString("name"), rs.getString("project_id"), Ipv4Prefix.parse(rs.getString("cidr")),
                gateway == null ? null : Ipv4Address.parse(gateway), pools, rs.getBoolean("enable_dhcp"));
    }
}
