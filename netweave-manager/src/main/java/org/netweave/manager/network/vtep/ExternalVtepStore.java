package org.netweave.manager.network.vtep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.MacAddress;

/** SQL for external_vtep and external_vtep_binding. */
public final class ExternalVtepStore {
    private ExternalVtepStore() {
    }

    /** The switch's external VTEPs, by address. */
    public static List<ExternalVtepConfig> list(Handle handle, LogicalSwitchId logicalSwitch) {
        Map<Ipv4Address, Long> vteps = new LinkedHashMap<>();
        handle.createQuery("SELECT vtep_ip, generation FROM external_vtep WHERE logical_switch_id = :ls")
                .bind("ls", logicalSwitch.value())
                .map((rs, ctx) -> Map.entry(Ipv4Address.parse(rs.getString(1)), rs.getLong(2)))
                .stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> vteps.put(e.getKey(), e.getValue()));
        Map<Ipv4Address, List<MacBinding>> bindings = new HashMap<>();
        handle.createQuery("SELECT vtep_ip, mac, ip FROM external_vtep_binding WHERE logical_switch_id = :ls")
                .bind("ls", logicalSwitch.value())
                .map((rs, ctx) -> Map.entry(Ipv4Address.parse(rs.getString(1)), binding(rs.getString(2), rs.getString(3))))
                .forEach(e -> bindings.computeIfAbsent(e.getKey(), vtep -> new ArrayList<>()).add(e.getValue()));
        List<ExternalVtepConfig> configs = new ArrayList<>();
        vteps.forEach((vtep, generation) -> configs.add(
                new ExternalVtepConfig(logicalSwitch, vtep, bindings.getOrDefault(vtep, List.of()), generation)));
        return configs;
    }

    public static Optional<ExternalVtepConfig> get(Handle handle, LogicalSwitchId logicalSwitch, Ipv4Address vtep) {
        return list(handle, logicalSwitch).stream().filter(config -> config.vtep().equals(vtep)).findFirst();
    }

    /** Creates the VTEP or replaces its bindings. */
    public static void replace(Handle handle, ExternalVtepConfig config) {
        String ls = config.logicalSwitch().value();
        String vtep = config.vtep().toString();
        handle.createUpdate("DELETE FROM external_vtep_binding WHERE logical_switch_id = :ls AND vtep_ip = :vtep")
                .bind("ls", ls).bind("vtep", vtep).execute();
        int updated = handle.createUpdate("UPDATE external_vtep SET generation = :g WHERE logical_switch_id = :ls"
                        + " AND vtep_ip = :vtep")
                .bind("ls", ls).bind("vtep", vtep).bind("g", config.generation()).execute();
        if (updated == 0) {
            handle.createUpdate("INSERT INTO external_vtep (logical_switch_id, vtep_ip, generation) VALUES (:ls, :vtep, :g)")
                    .bind("ls", ls).bind("vtep", vtep).bind("g", config.generation()).execute();
        }
        for (MacBinding binding : config.bindings()) {
            handle.createUpdate("INSERT INTO external_vtep_binding (logical_switch_id, vtep_ip, mac, ip)"
                            + " VALUES (:ls, :vtep, :mac, :ip)")
                    .bind("ls", ls).bind("vtep", vtep).bind("mac", binding.mac().toString())
                    .bind("ip", binding.ip() == null ? null : binding.ip().toString())
                    .execute();
        }
    }

    public static void delete(Handle handle, LogicalSwitchId logicalSwitch, Ipv4Address vtep) {
        handle.createUpdate("DELETE FROM external_vtep WHERE logical_switch_id = :ls AND vtep_ip = :vtep")
                .bind("ls", logicalSwitch.value()).bind("vtep", vtep.toString()).execute();
    }

    /** MACs bound to the switch's external VTEPs other than {@code except} → their VTEP. */
    public static Map<MacAddress, Ipv4Address> macsOfOtherVteps(Handle handle, LogicalSwitchId logicalSwitch, Ipv4Address except) {
        Map<MacAddress, Ipv4Address> macs = new HashMap<>();
        handle.createQuery("SELECT mac, vtep_ip FROM external_vtep_binding WHERE logical_switch_id = :ls AND vtep_ip <> :vtep")
                .bind("ls", logicalSwitch.value()).bind("vtep", except.toString())
                .map((rs, ctx) -> Map.entry(MacAddress.parse(rs.getString(1)), Ipv4Address.parse(rs.getString(2))))
                .forEach(e -> macs.put(e.getKey(), e.getValue()));
        return macs;
    }

    /** MACs of the vNICs attached to the switch → "vm-1 vNIC 0". */
    public static Map<MacAddress, String> attachedVnicMacs(Handle handle, LogicalSwitchId logicalSwitch) {
        Map<MacAddress, String> macs = new HashMap<>();
        handle.createQuery("SELECT mac, vm_id, vnic_index FROM vnic WHERE logical_switch_id = :ls")
                .bind("ls", logicalSwitch.value())
                .map((rs, ctx) -> Map.entry(MacAddress.parse(rs.getString(1)), rs.getString(2) + " vNIC " + rs.getInt(3)))
                .forEach(e -> macs.put(e.getKey(), e.getValue()));
        return macs;
    }

    public static Optional<HostId> hostWithVtep(Handle handle, Ipv4Address vtep) {
        return handle.createQuery("SELECT id FROM host WHERE vtep_ip = :ip").bind("ip", vtep.toString())
                .map((rs, ctx) -> HostId.of(rs.getString(1))).findOne();
    }

    private static MacBinding binding(String mac, String ip) {
        return new MacBinding(MacAddress.parse(mac), ip == null ? null : Ipv4Address.parse(ip));
    }
}
