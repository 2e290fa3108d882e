package org.netweave.manager.southbound;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.netweave.manager.network.vtep.ExternalVtepStore;
import org.netweave.model.DlrId;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;
import org.netweave.model.VmId;

/**
 * Reads one host's configuration inputs: its VTEP and router MAC from host preparation, the
 * logical switches and DLR instances of the transport zones its cluster is in, and the vNICs of
 * the VMs that run on it. A DLR is on the host once its deployment created the instances (seed 000
 * step 5); until then the host does not know its id.
 */
final class HostConfigQuery {
    private HostConfigQuery() {
    }

    static List<HostId> hosts(Handle handle) {
        return handle.createQuery("SELECT id FROM host ORDER BY id").map((rs, ctx) -> HostId.of(rs.getString(1))).list();
    }

    static Optional<HostConfigInputs> read(Handle handle, HostId host) {
        record HostRow(String vtep, String routerMac) {
        }
        Optional<HostRow> row = handle.createQuery("SELECT vtep_ip, router_mac FROM host WHERE id = :host")
                .bind("host", host.value())
                .map((rs, ctx) -> new HostRow(rs.getString("vtep_ip"), rs.getString("router_mac"))).findOne();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        List<HostConfigInputs.SwitchInput> switches = handle.createQuery("""
                        SELECT DISTINCT ls.id, ls.vni, ls.name, ls.replication_mode FROM logical_switch ls
                        JOIN transport_zone_cluster tzc ON tzc.transport_zone_id = ls.transport_zone_id
                        JOIN host h ON h.cluster_id = tzc.cluster_id
                        WHERE h.id = :host""")
                .bind("host", host.value())
                .map((rs, ctx) -> new HostConfigInputs.SwitchInput(new Vni(rs.getInt("vni")), rs.getString("name"),
                        rs.getString("replication_mode"),
                        ExternalVtepStore.list(handle, LogicalSwitchId.of(rs.getString("id")))))
                .list();
        List<DlrId> dlrs = handle.createQuery("""
                        SELECT DISTINCT d.id FROM dlr d
                        JOIN transport_zone_cluster tzc ON tzc.transport_zone_id = d.transport_zone_id
                        JOIN host h ON h.cluster_id = tzc.cluster_id
                        WHERE h.id = :host AND d.instances_created""")
                .bind("host", host.value()).map((rs, ctx) -> DlrId.of(rs.getString(1))).list();
        List<HostConfigInputs.VnicInput> vnics = handle.createQuery("""
                        SELECT n.vm_id, n.vnic_index, n.mac, n.ip, ls.vni, vm.power_state FROM vnic n
                        JOIN vm ON vm.id = n.vm_id
                        LEFT JOIN logical_switch ls ON ls.id = n.logical_switch_id
                        WHERE vm.host_id = :host""")
                .bind("host", host.value())
                .map((rs, ctx) -> {
                    String ip = rs.getString("ip");
                    int vni = rs.getInt("vni");
                    boolean attached = !rs.wasNull();
                    return new HostConfigInputs.VnicInput(VmId.of(rs.getString("vm_id")), rs.getInt("vnic_index"),
                            MacAddress.parse(rs.getString("mac")),
                            ip == null ? Optional.empty() : Optional.of(Ipv4Address.parse(ip)),
                            attached ? Optional.of(new Vni(vni)) : Optional.empty(),
                            "POWERED_ON".equals(rs.getString("power_state")));
                })
                .list();
        return Optional.of(new HostConfigInputs(host,
                Optional.ofNullable(row.get().vtep()).map(Ipv4Address::parse),
                Optional.ofNullable(row.get().routerMac()).map(MacAddress::parse),
                switches, dlrs, vnics));
    }
}
