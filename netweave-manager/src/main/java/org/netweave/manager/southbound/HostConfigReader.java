package org.netweave.manager.southbound;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.jdbi.v3.core.Handle;
import org.netweave.manager.network.vtep.ExternalVtepConfig;
import org.netweave.manager.network.vtep.MacBinding;
import org.netweave.manager.southbound.HostConfigRows.Counts;
import org.netweave.manager.southbound.HostConfigRows.DlrRow;
import org.netweave.manager.southbound.HostConfigRows.HostRow;
import org.netweave.manager.southbound.HostConfigRows.SwitchRow;
import org.netweave.manager.southbound.HostConfigRows.VnicKey;
import org.netweave.manager.southbound.HostConfigRows.VnicRow;
import org.netweave.manager.southbound.HostConfigRows.ZoneCluster;
import org.netweave.model.ClusterId;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.MacAddress;
import org.netweave.model.TransportZoneId;
import org.netweave.model.VmId;
import org.netweave.model.Vni;

/**
 * Brings a {@link HostConfigIndex} up to date with the store in one round, reading only what
 * changed: every write stamps the rows it creates or changes with its generation (a zone that
 * gains or loses a cluster stamps its logical switches and DLRs; a VM that moves or powers off
 * stamps its row), so the rows with a generation above the last round's are the changes, found
 * through an index on each table's generation. Deleted rows leave no stamp: the index holds more
 * rows of a table than the store has, and then (only then) the round reads that table's keys and
 * drops the missing ones. Cluster membership of zones has no generation and is read whole; it is a
 * row per zone and cluster.
 *
 * <p>Why the counts are read before the changes: every write up to the round's generation has
 * committed before the round starts, so a deletion among them already shows in the count; a
 * write that commits between the two reads can only make the index hold more rows than the count,
 * which at worst reads the keys once for nothing.
 */
final class HostConfigReader {
    /** More changed VMs than this in one round and their vNICs are read with the whole table. */
    static final int WHOLE_READ = 500;

    private HostConfigReader() {
    }

    /** Reads what changed after generation {@code since} into {@code index}; the hosts it made dirty. */
    static Set<HostId> update(Handle handle, HostConfigIndex index, long since) {
        Counts store = counts(handle);
        Set<HostId> dirty = index.apply(new HostConfigRows.Changed(hosts(handle, since), zoneClusters(handle),
                switches(handle, since), externalVteps(handle, since), dlrs(handle, since), vnics(handle, since)));
        Counts held = index.counts();
        if (held.hosts() > store.hosts()) {
            dirty.addAll(index.retainHosts(Set.copyOf(handle.createQuery("SELECT id FROM host")
                    .map((rs, ctx) -> HostId.of(rs.getString(1))).list())));
        }
        if (held.switches() > store.switches()) {
            dirty.addAll(index.retainSwitches(Set.copyOf(handle.createQuery("SELECT id FROM logical_switch")
                    .map((rs, ctx) -> LogicalSwitchId.of(rs.getString(1))).list())));
        }
        if (held.externalVteps() > store.externalVteps()) {
            dirty.addAll(index.replaceExternalVteps(externalVteps(handle, -1)));
        }
        if (held.dlrs() > store.dlrs()) {
            dirty.addAll(index.retainDlrs(Set.copyOf(handle.createQuery("SELECT id FROM dlr")
                    .map((rs, ctx) -> DlrId.of(rs.getString(1))).list())));
        }
        if (held.vnics() > store.vnics()) {
            dirty.addAll(index.retainVnics(Set.copyOf(handle.createQuery("SELECT vm_id, vnic_index FROM vnic")
                    .map((rs, ctx) -> new VnicKey(VmId.of(rs.getString(1)), rs.getInt(2))).list())));
        }
        return dirty;
    }

    private static Counts counts(Handle handle) {
        return handle.createQuery("""
                        SELECT (SELECT COUNT(*) FROM host), (SELECT COUNT(*) FROM logical_switch),
                               (SELECT COUNT(*) FROM external_vtep), (SELECT COUNT(*) FROM dlr), (SELECT COUNT(*) FROM vnic)""")
                .map((rs, ctx) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .one();
    }

    private static List<HostRow> hosts(Handle handle, long since) {
        // The VTEP's subnet length is its VMkernel port's, which host preparation made from the pool.
        return handle.createQuery("""
                        SELECT h.id, h.cluster_id, h.vtep_ip, v.prefix_length, h.router_mac FROM host h
                        LEFT JOIN vmkernel_port v ON v.host_id = h.id AND v.ip = h.vtep_ip
                        WHERE h.generation > :since""")
                .bind("since", since)
                .map((rs, ctx) -> new HostRow(HostId.of(rs.getString("id")), ClusterId.of(rs.getString("cluster_id")),
                        Optional.ofNullable(rs.getString("vtep_ip")).map(Ipv4Address::parse), rs.getInt("prefix_length"),
                        Optional.ofNullable(rs.getString("router_mac")).map(MacAddress::parse)))
                .list();
    }

    private static Set<ZoneCluster> zoneClusters(Handle handle) {
        return Set.copyOf(handle.createQuery("SELECT transport_zone_id, cluster_id FROM transport_zone_cluster")
                .map((rs, ctx) -> new ZoneCluster(TransportZoneId.of(rs.getString(1)), ClusterId.of(rs.getString(2))))
                .list());
    }

    private static List<SwitchRow> switches(Handle handle, long since) {
        return handle.createQuery("SELECT id, transport_zone_id, vni, name, replication_mode FROM logical_switch"
                        + " WHERE generation > :since")
                .bind("since", since)
                .map((rs, ctx) -> new SwitchRow(LogicalSwitchId.of(rs.getString("id")),
                        TransportZoneId.of(rs.getString("transport_zone_id")),
                        new HostConfigInputs.SwitchInput(new Vni(rs.getInt("vni")), rs.getString("name"),
                                rs.getString("replication_mode"), List.of())))
                .list();
    }

    private static List<DlrRow> dlrs(Handle handle, long since) {
        return handle.createQuery("SELECT id, transport_zone_id, instances_created FROM dlr WHERE generation > :since")
                .bind("since", since)
                .map((rs, ctx) -> {
                    String zone = rs.getString("transport_zone_id");
                    boolean created = rs.getBoolean("instances_created");
                    return new DlrRow(DlrId.of(rs.getString("id")),
                            created && zone != null ? Optional.of(TransportZoneId.of(zone)) : Optional.empty());
                })
                .list();
    }

    /**
     * For every logical switch with an external VTEP written after {@code since} (every one, for a
     * negative {@code since}), all its external VTEPs with their bindings.
     */
    private static Map<LogicalSwitchId, List<ExternalVtepConfig>> externalVteps(Handle handle, long since) {
        record Row(String ls, String vtep, long generation, String mac, String ip) {
        }
        Map<String, Map<String, List<Row>>> grouped = new HashMap<>();
        handle.createQuery("""
                        SELECT e.logical_switch_id, e.vtep_ip, e.generation, b.mac, b.ip FROM external_vtep e
                        LEFT JOIN external_vtep_binding b ON b.logical_switch_id = e.logical_switch_id AND b.vtep_ip = e.vtep_ip
                        WHERE e.logical_switch_id IN (SELECT logical_switch_id FROM external_vtep WHERE generation > :since)""")
                .bind("since", since)
                .map((rs, ctx) -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5)))
                .forEach(row -> grouped.computeIfAbsent(row.ls(), ls -> new TreeMap<>())
                        .computeIfAbsent(row.vtep(), v -> new ArrayList<>()).add(row));
        Map<LogicalSwitchId, List<ExternalVtepConfig>> result = new HashMap<>();
        grouped.forEach((ls, vteps) -> vteps.forEach((vtep, rows) -> result.computeIfAbsent(LogicalSwitchId.of(ls),
                k -> new ArrayList<>()).add(new ExternalVtepConfig(LogicalSwitchId.of(ls), Ipv4Address.parse(vtep),
                rows.stream().filter(row -> row.mac() != null)
                        .map(row -> new MacBinding(MacAddress.parse(row.mac()), row.ip() == null ? null : Ipv4Address.parse(row.ip())))
                        .toList(),
                rows.getFirst().generation()))));
        return result;
    }

    /**
     * The vNICs written after {@code since} and all vNICs of the VMs written after it (moved,
     * powered on or off). The VMs are found first, each table through its generation index, and
     * their vNICs then by the vNIC key: a join filtered on either side's generation leaves the
     * database free to scan the vNIC table instead. Past {@link #WHOLE_READ} VMs (the first round,
     * a bulk change) one read of the whole table is cheaper than a lookup per VM.
     */
    private static List<VnicRow> vnics(Handle handle, long since) {
        Set<String> vms = new HashSet<>();
        for (String table : List.of("vnic", "vm")) {
            handle.createQuery("SELECT " + (table.equals("vm") ? "id" : "vm_id") + " FROM " + table
                            + " WHERE generation > :since")
                    .bind("since", since).mapTo(String.class).forEach(vms::add);
        }
        if (vms.isEmpty()) {
            return List.of();
        }
        String select = """
                SELECT vm.host_id, n.vm_id, n.vnic_index, n.mac, n.ip, ls.vni, vm.power_state FROM vnic n
                JOIN vm ON vm.id = n.vm_id
                LEFT JOIN logical_switch ls ON ls.id = n.logical_switch_id""";
        if (vms.size() > WHOLE_READ) {
            return handle.createQuery(select).map((rs, ctx) -> vnic(rs)).list();
        }
        return handle.createQuery(select + " WHERE n.vm_id IN (<vms>)").bindList("vms", List.copyOf(vms))
                .map((rs, ctx) -> vnic(rs)).list();
    }

    private static VnicRow vnic(java.sql.ResultSet rs) throws java.sql.SQLException {
        String ip = rs.getString("ip");
        int vni = rs.getInt("vni");
        boolean attached = !rs.wasNull();
        VnicKey key = new VnicKey(VmId.of(rs.getString("vm_id")), rs.getInt("vnic_index"));
        return new VnicRow(key, HostId.of(rs.getString("host_id")), new HostConfigInputs.VnicInput(key.vm(), key.index(),
                MacAddress.parse(rs.getString("mac")), ip == null ? Optional.empty() : Optional.of(Ipv4Address.parse(ip)),
                attached ? Optional.of(new Vni(vni)) : Optional.empty(), "POWERED_ON".equals(rs.getString("power_state"))));
    }
}
