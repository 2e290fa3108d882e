package org.netweave.manager.southbound;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.jdbi.v3.core.Handle;
import org.netweave.manager.network.vtep.ExternalVtepConfig;
import org.netweave.manager.network.vtep.MacBinding;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.MacAddress;
import org.netweave.model.VmId;
import org.netweave.model.Vni;

/**
 * Reads every host's configuration inputs with a fixed number of queries (not a few per host, or
 * per logical switch): the hosts with their VTEP and router MAC from host preparation, the zones
 * of each cluster, the logical switches and the DLR instances of each zone, and the vNICs of the
 * VMs on each host. A DLR is on a host once its deployment created the instances (seed 000 step
 * 5); until then the host does not know its id.
 */
final class HostConfigQuery {
    private HostConfigQuery() {
    }

    private record HostRow(HostId id, String cluster, Optional<Ipv4Address> vtep, Optional<MacAddress> routerMac) {
    }

    private record SwitchRow(String id, String zone, Vni vni, String name, String replicationMode) {
    }

    static Map<HostId, HostConfigInputs> readAll(Handle handle) {
        List<HostRow> hosts = handle.createQuery("SELECT id, cluster_id, vtep_ip, router_mac FROM host ORDER BY id")
                .map((rs, ctx) -> new HostRow(HostId.of(rs.getString("id")), rs.getString("cluster_id"),
                        Optional.ofNullable(rs.getString("vtep_ip")).map(Ipv4Address::parse),
                        Optional.ofNullable(rs.getString("router_mac")).map(MacAddress::parse)))
                .list();
        Map<String, List<String>> zonesOfCluster = new HashMap<>();
        handle.createQuery("SELECT cluster_id, transport_zone_id FROM transport_zone_cluster")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> zonesOfCluster.computeIfAbsent(e.getKey(), c -> new ArrayList<>()).add(e.getValue()));
        Map<String, List<ExternalVtepConfig>> external = externalVteps(handle);
        Map<String, List<HostConfigInputs.SwitchInput>> switchesOfZone = new HashMap<>();
        handle.createQuery("SELECT id, transport_zone_id, vni, name, replication_mode FROM logical_switch")
                .map((rs, ctx) -> new SwitchRow(rs.getString("id"), rs.getString("transport_zone_id"),
                        new Vni(rs.getInt("vni")), rs.getString("name"), rs.getString("replication_mode")))
                .forEach(ls -> switchesOfZone.computeIfAbsent(ls.zone(), z -> new ArrayList<>())
                        .add(new HostConfigInputs.SwitchInput(ls.vni(), ls.name(), ls.replicationMode(),
                                external.getOrDefault(ls.id(), List.of()))));
        Map<String, List<DlrId>> dlrsOfZone = new HashMap<>();
        handle.createQuery("SELECT id, transport_zone_id FROM dlr WHERE instances_created AND transport_zone_id IS NOT NULL")
                .map((rs, ctx) -> Map.entry(rs.getString(2), DlrId.of(rs.getString(1))))
                .forEach(e -> dlrsOfZone.computeIfAbsent(e.getKey(), z -> new ArrayList<>()).add(e.getValue()));
        Map<HostId, List<HostConfigInputs.VnicInput>> vnicsOfHost = vnics(handle);

        Map<HostId, HostConfigInputs> all = new LinkedHashMap<>();
        for (HostRow host : hosts) {
            List<HostConfigInputs.SwitchInput> switches = new ArrayList<>();
            List<DlrId> dlrs = new ArrayList<>();
            for (String zone : Set.copyOf(zonesOfCluster.getOrDefault(host.cluster(), List.of()))) {
                switches.addAll(switchesOfZone.getOrDefault(zone, List.of()));
                dlrs.addAll(dlrsOfZone.getOrDefault(zone, List.of()));
            }
            all.put(host.id(), new HostConfigInputs(host.id(), host.vtep(), host.routerMac(),
                    switches.stream().distinct().toList(), dlrs.stream().distinct().toList(),
                    vnicsOfHost.getOrDefault(host.id(), List.of())));
        }
        return all;
    }

    /** Every external VTEP with its bindings, by logical switch id. */
    private static Map<String, List<ExternalVtepConfig>> externalVteps(Handle handle) {
        record Row(String ls, String vtep, long generation, String mac, String ip) {
        }
        Map<String, Map<String, List<Row>>> grouped = new HashMap<>();
        handle.createQuery("""
                        SELECT e.logical_switch_id, e.vtep_ip, e.generation, b.mac, b.ip FROM external_vtep e
                        LEFT JOIN external_vtep_binding b ON b.logical_switch_id = e.logical_switch_id AND b.vtep_ip = e.vtep_ip""")
                .map((rs, ctx) -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5)))
                .forEach(row -> grouped.computeIfAbsent(row.ls(), ls -> new TreeMap<>())
                        .computeIfAbsent(row.vtep(), v -> new ArrayList<>()).add(row));
        Map<String, List<ExternalVtepConfig>> result = new HashMap<>();
        grouped.forEach((ls, vteps) -> vteps.forEach((vtep, rows) -> result.computeIfAbsent(ls, k -> new ArrayList<>())
                .add(new ExternalVtepConfig(LogicalSwitchId.of(ls), Ipv4Address.parse(vtep),
                        rows.stream().filter(row -> row.mac() != null)
                                .map(row -> new MacBinding(MacAddress.parse(row.mac()),
                                        row.ip() == null ? null : Ipv4Address.parse(row.ip())))
                                .toList(),
                        rows.getFirst().generation()))));
        return result;
    }

    private static Map<HostId, List<HostConfigInputs.VnicInput>> vnics(Handle handle) {
        Map<HostId, List<HostConfigInputs.VnicInput>> byHost = new HashMap<>();
        handle.createQuery("""
                        SELECT vm.host_id, n.vm_id, n.vnic_index, n.mac, n.ip, ls.vni, vm.power_state FROM vnic n
                        JOIN vm ON vm.id = n.vm_id
                        LEFT JOIN logical_switch ls ON ls.id = n.logical_switch_id""")
                .map((rs, ctx) -> {
                    String ip = rs.getString("ip");
                    int vni = rs.getInt("vni");
                    boolean attached = !rs.wasNull();
                    return Map.entry(HostId.of(rs.getString("host_id")), new HostConfigInputs.VnicInput(
                            VmId.of(rs.getString("vm_id")), rs.getInt("vnic_index"), MacAddress.parse(rs.getString("mac")),
                            ip == null ? Optional.empty() : Optional.of(Ipv4Address.parse(ip)),
                            attached ? Optional.of(new Vni(vni)) : Optional.empty(),
                            "POWERED_ON".equals(rs.getString("power_state"))));
                })
                .forEach(e -> byHost.computeIfAbsent(e.getKey(), h -> new ArrayList<>()).add(e.getValue()));
        return byHost;
    }
}
