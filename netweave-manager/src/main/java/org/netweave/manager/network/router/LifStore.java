package org.netweave.manager.network.router;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Handle;
import org.netweave.model.DlrId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.MacAddress;
import org.netweave.model.TransportZoneId;
import org.netweave.model.VlanId;
import org.netweave.model.Vni;

/** SQL for the lif table, and who holds the switches and VLANs LIFs name. */
public final class LifStore {
    private static final String SELECT = """
            SELECT l.dlr_id, l.lif_index, l.name, l.lif_type, l.logical_switch_id, ls.vni, l.vlan, l.ip,
                   l.prefix_length, l.mac, l.mtu, l.generation
            FROM lif l LEFT JOIN logical_switch ls ON ls.id = l.logical_switch_id""";

    private LifStore() {
    }

    public static void insert(Handle handle, DlrId dlr, Lif lif) {
        handle.createUpdate("""
                        INSERT INTO lif (dlr_id, lif_index, name, lif_type, logical_switch_id, vlan, ip, prefix_length, mac,
                                         mtu, generation)
                        VALUES (:dlr, :index, :name, :type, :ls, :vlan, :ip, :length, :mac, :mtu, :generation)""")
                .bind("dlr", dlr.value()).bind("index", lif.index()).bind("name", lif.name())
                .bind("type", lif.type().name())
                .bind("ls", lif.logicalSwitch() == null ? null : lif.logicalSwitch().value())
                .bind("vlan", lif.vlan() == null ? null : lif.vlan().value())
                .bind("ip", lif.address().address().toString()).bind("length", lif.address().prefixLength())
                .bind("mac", lif.mac().toString()).bind("mtu", lif.mtu()).bind("generation", lif.generation())
                .execute();
    }

    public static void delete(Handle handle, DlrId dlr, int index) {
        handle.createUpdate("DELETE FROM lif WHERE dlr_id = :dlr AND lif_index = :index")
                .bind("dlr", dlr.value()).bind("index", index).execute();
    }

    /** The DLR's LIFs by index. */
    public static List<Lif> list(Handle handle, DlrId dlr) {
        return handle.createQuery(SELECT + " WHERE l.dlr_id = :dlr ORDER BY l.lif_index")
                .bind("dlr", dlr.value()).map((rs, ctx) -> row(rs)).list();
    }

    /** Every DLR's LIFs by index. */
    public static Map<DlrId, List<Lif>> listAll(Handle handle) {
        Map<DlrId, List<Lif>> lifs = new HashMap<>();
        handle.createQuery(SELECT + " ORDER BY l.dlr_id, l.lif_index")
                .map((rs, ctx) -> Map.entry(DlrId.of(rs.getString("dlr_id")), row(rs)))
                .forEach(e -> lifs.computeIfAbsent(e.getKey(), dlr -> new ArrayList<>()).add(e.getValue()));
        return lifs;
    }

    /** The named switches that exist, each with its VNI, zone and the DLR with a LIF on it. */
    public static Map<LogicalSwitchId, SwitchFacts> switchFacts(Handle handle, Collection<LogicalSwitchId> ids) {
        Map<LogicalSwitchId, SwitchFacts> facts = new HashMap<>();
        if (ids.isEmpty()) {
            return facts;
        }
        handle.createQuery("""
                        SELECT ls.id, ls.vni, ls.transport_zone_id, d.id AS dlr_id, d.name AS dlr_name
                        FROM logical_switch ls LEFT JOIN lif l ON l.logical_switch_id = ls.id
                        LEFT JOIN dlr d ON d.id = l.dlr_id
                        WHERE ls.id IN (<ids>)""")
                .bindList("ids", ids.stream().map(LogicalSwitchId::value).distinct().toList())
                .map((rs, ctx) -> {
                    String dlr = rs.getString("dlr_id");
                    return new SwitchFacts(LogicalSwitchId.of(rs.getString("id")), Vni.of(rs.getInt("vni")),
                            TransportZoneId.of(rs.getString("transport_zone_id")),
                            dlr == null ? null : new DlrRef(DlrId.of(dlr), rs.getString("dlr_name")));
                })
                .forEach(f -> facts.put(f.id(), f));
        return facts;
    }

    /** The DLR that has a LIF on each of the VLANs, for those that one has. */
    public static Map<VlanId, DlrRef> vlanOwners(Handle handle, Collection<VlanId> vlans) {
        Map<VlanId, DlrRef> owners = new HashMap<>();
        if (vlans.isEmpty()) {
            return owners;
        }
        handle.createQuery("SELECT l.vlan, d.id, d.name FROM lif l JOIN dlr d ON d.id = l.dlr_id WHERE l.vlan IN (<vlans>)")
                .bindList("vlans", vlans.stream().map(VlanId::value).distinct().toList())
                .map((rs, ctx) -> Map.entry(VlanId.of(rs.getInt(1)), new DlrRef(DlrId.of(rs.getString(2)), rs.getString(3))))
                .forEach(e -> owners.put(e.getKey(), e.getValue()));
        return owners;
    }

    private static Lif row(ResultSet rs) throws SQLException {
        String ls = rs.getString("logical_switch_id");
        int vlan = rs.getInt("vlan");
        boolean noVlan = rs.wasNull();
        return new Lif(rs.getInt("lif_index"), rs.getString("name"), LifType.valueOf(rs.getString("lif_type")),
                ls == null ? null : LogicalSwitchId.of(ls), ls == null ? null : Vni.of(rs.getInt("vni")),
                noVlan ? null : VlanId.of(vlan),
                new Ipv4InterfaceAddress(Ipv4Address.parse(rs.getString("ip")), rs.getInt("prefix_length")),
                MacAddress.parse(rs.getString("mac")), rs.getInt("mtu"), rs.getLong("generation"));
    }
}
