package org.netweave.manager.inventory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.netweave.model.AntiAffinityRuleId;
import org.netweave.model.ClusterId;
import org.netweave.model.DatacenterId;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.MacAddress;
import org.netweave.model.VmId;

/**
 * Rows of the inventory tables into records and back. Pure: one row in, one value out, no
 * queries; the stores run the SQL and assemble rows that belong together (a host and its ports).
 */
final class InventoryRows {
    private InventoryRows() {
    }

    static DatacenterRecord datacenter(ResultSet rs) throws SQLException {
        return new DatacenterRecord(DatacenterId.of(rs.getString("id")), rs.getString("name"), rs.getLong("generation"));
    }

    /** A cluster row joined with its preparation ({@code ip_pool_id}, null when not prepared). */
    static ClusterRecord cluster(ResultSet rs, List<HostId> hosts) throws SQLException {
        return new ClusterRecord(ClusterId.of(rs.getString("id")), DatacenterId.of(rs.getString("datacenter_id")),
                rs.getString("name"), Optional.ofNullable(rs.getString("ip_pool_id")).map(IpPoolId::of), hosts,
                rs.getLong("generation"));
    }

    /** A host row joined with its power ({@code powered_off}, true when the host is off). */
    static HostRecord host(ResultSet rs, List<VmkernelPort> ports) throws SQLException {
        return new HostRecord(HostId.of(rs.getString("id")), ClusterId.of(rs.getString("cluster_id")), rs.getString("name"),
                Ipv4Address.parse(rs.getString("management_ip")),
                rs.getBoolean("powered_off") ? PowerState.POWERED_OFF : PowerState.POWERED_ON,
                rs.getBoolean("prepared"),
                Optional.ofNullable(rs.getString("vtep_ip")).map(Ipv4Address::parse),
                Optional.ofNullable(rs.getString("router_mac")).map(MacAddress::parse),
                ports, rs.getLong("generation"));
    }

    static VmkernelPort vmkernelPort(ResultSet rs) throws SQLException {
        return new VmkernelPort(rs.getString("device"),
                new Ipv4InterfaceAddress(Ipv4Address.parse(rs.getString("ip")), rs.getInt("prefix_length")),
                services(rs.getString("services")));
    }

    static IpPoolRecord ipPool(ResultSet rs) throws SQLException {
        return new IpPoolRecord(IpPoolId.of(rs.getString("id")), rs.getString("name"),
                Ipv4Address.parse(rs.getString("range_start")), Ipv4Address.parse(rs.getString("range_end")),
                rs.getInt("prefix_length"), Optional.ofNullable(rs.getString("gateway")).map(Ipv4Address::parse),
                rs.getLong("generation"));
    }

    static VmRecord vm(ResultSet rs, List<Vnic> vnics) throws SQLException {
        return new VmRecord(VmId.of(rs.getString("id")), rs.getString("name"), HostId.of(rs.getString("host_id")),
                VmKind.valueOf(rs.getString("kind")), PowerState.valueOf(rs.getString("power_state")),
                Optional.ofNullable(rs.getString("dlr_id")).map(DlrId::of), vnics, rs.getLong("generation"));
    }

    static Vnic vnic(ResultSet rs) throws SQLException {
        return new Vnic(rs.getInt("vnic_index"), MacAddress.parse(rs.getString("mac")),
                Optional.ofNullable(rs.getString("ip")).map(Ipv4Address::parse),
                Optional.ofNullable(rs.getString("logical_switch_id")).map(LogicalSwitchId::of));
    }

    static AntiAffinityRuleRecord rule(ResultSet rs, List<VmId> members) throws SQLException {
        return new AntiAffinityRuleRecord(AntiAffinityRuleId.of(rs.getString("id")), rs.getString("name"), members,
                rs.getLong("generation"));
    }

    /** The schema's form of a service set: comma-separated names in alphabetical order. */
    static String servicesText(Set<VmkernelService> services) {
        return services.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    static Set<VmkernelService> services(String text) {
        Set<VmkernelService> services = EnumSet.noneOf(VmkernelService.class);
        Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(VmkernelService::valueOf)
                .forEach(services::add);
        return services;
    }
}
