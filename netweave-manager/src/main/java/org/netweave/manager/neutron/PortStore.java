package org.netweave.manager.neutron;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jdbi.v3.core.Handle;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;

/** SQL for the neutron_port and neutron_fixed_ip tables. */
final class PortStore {
    private static final String COLUMNS = "id, network_id, name, project_id, mac_address, admin_state_up, device_id,"
            + " device_owner, host_id, status";

    private PortStore() {
    }

    static void insert(Handle handle, PortRow port, long generation) {
        handle.createUpdate("INSERT INTO neutron_port (" + COLUMNS + ", generation) VALUES (:id, :network, :name,"
                        + " :project, :mac, :up, :device, :owner, :host, :status, :g)")
                .bind("id", port.id().value()).bind("network", port.network().value()).bind("name", port.name())
                .bind("project", port.projectId()).bind("mac", port.mac().toString()).bind("up", port.adminStateUp())
                .bind("device", port.deviceId()).bind("owner", port.deviceOwner()).bind("host", port.hostId())
                .bind("status", port.status()).bind("g", generation)
                .execute();
        insertFixedIps(handle, port);
    }

    /** Everything but the id, network and MAC, with the fixed IPs replaced. */
    static void update(Handle handle, PortRow port, long generation) {
        handle.createUpdate("UPDATE neutron_port SET name = :name, admin_state_up = :up, device_id = :device,"
                        + " device_owner = :owner, host_id = :host, status = :status, generation = :g WHERE id = :id")
                .bind("id", port.id().value()).bind("name", port.name()).bind("up", port.adminStateUp())
                .bind("device", port.deviceId()).bind("owner", port.deviceOwner()).bind("host", port.hostId())
                .bind("status", port.status()).bind("g", generation)
                .execute();
        handle.createUpdate("DELETE FROM neutron_fixed_ip WHERE port_id = :id").bind("id", port.id().value()).execute();
        insertFixedIps(handle, port);
    }

    private static void insertFixedIps(Handle handle, PortRow port) {
        for (FixedIp ip : port.fixedIps()) {
            handle.createUpdate("INSERT INTO neutron_fixed_ip (port_id, subnet_id, ip_address) VALUES (:port, :subnet, :ip)")
                    .bind("port", port.id().value()).bind("subnet", ip.subnet().value())
                    .bind("ip", ip.address().toString()).execute();
        }
    }

    static Optional<PortRow> get(Handle handle, NeutronPortId id) {
        return select(handle, "WHERE id = :id", id.value()).stream().findFirst();
    }

    static List<PortRow> list(Handle handle) {
        return select(handle, "", null);
    }

    static List<PortRow> ofNetwork(Handle handle, NeutronNetworkId network) {
        return select(handle, "WHERE network_id = :id", network.value());
    }

    static List<PortRow> ofDevice(Handle handle, String deviceId) {
        return select(handle, "WHERE device_id = :id", deviceId);
    }

    static void delete(Handle handle, NeutronPortId id) {
        handle.createUpdate("DELETE FROM neutron_port WHERE id = :id").bind("id", id.value()).execute();
    }

    /** The addresses of the subnet that ports hold. */
    static Set<Ipv4Address> usedAddresses(Handle handle, NeutronSubnetId subnet) {
        return new TreeSet<>(handle.createQuery("SELECT ip_address FROM neutron_fixed_ip WHERE subnet_id = :id")
                .bind("id", subnet.value()).map((rs, ctx) -> Ipv4Address.parse(rs.getString(1))).list());
    }

    /** The ports with an address in the subnet. */
    static List<NeutronPortId> onSubnet(Handle handle, NeutronSubnetId subnet) {
        return handle.createQuery("SELECT DISTINCT port_id FROM neutron_fixed_ip WHERE subnet_id = :id ORDER BY port_id")
                .bind("id", subnet.value()).map((rs, ctx) -> new NeutronPortId(rs.getString(1))).list();
    }

    static boolean macTaken(Handle handle, NeutronNetworkId network, MacAddress mac) {
        return handle.createQuery("SELECT COUNT(*) FROM neutron_port WHERE network_id = :network AND mac_address = :mac")
                .bind("network", network.value()).bind("mac", mac.toString()).mapTo(Integer.class).one() > 0;
    }

    private static List<PortRow> select(Handle handle, String where, String id) {
        var ips = handle.createQuery("SELECT f.port_id, f.subnet_id, f.ip_address FROM neutron_fixed_ip f"
                        + (id == null ? "" : " WHERE f.port_id IN (SELECT id FROM neutron_port " + where + ")"));
        if (id != null) {
            ips.bind("id", id);
        }
        Map<String, List<FixedIp>> fixedIps = new HashMap<>();
        ips.map((rs, ctx) -> Map.entry(rs.getString(1), new FixedIp(new NeutronSubnetId(rs.getString(2)),
                        Ipv4Address.parse(rs.getString(3)))))
                .forEach(e -> fixedIps.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        fixedIps.values().forEach(list -> list.sort((a, b) -> a.address().compareTo(b.address())));
        var ports = handle.createQuery("SELECT " + COLUMNS + " FROM neutron_port " + where + " ORDER BY generation, id");
        if (id != null) {
            ports.bind("id", id);
        }
        return ports.map((rs, ctx) -> row(rs, fixedIps.getOrDefault(rs.getString("id"), List.of()))).list();
    }

    private static PortRow row(ResultSet rs, List<FixedIp> fixedIps) throws SQLException {
        return new PortRow(new NeutronPortId(rs.getString("id")), new NeutronNetworkId(rs.getString("network_id")),
                rs.getString("name"), rs.getString("project_id"), MacAddress.parse(rs.getString("mac_address")),
                rs.getBoolean("admin_state_up"), rs.getString("device_id"), rs.getString("device_owner"),
                rs.getString("host_id"), rs.getString("status"), fixedIps);
    }
}
