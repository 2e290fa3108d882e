package org.netweave.manager.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jdbi.v3.core.Handle;
import org.netweave.model.AntiAffinityRuleId;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.VmId;

/**
 * The SQL of VMs with their vNICs, and of anti-affinity rules. Like {@link InventoryStore}: the
 * caller's handle, no checks, natural id order. vnic.logical_switch_id belongs to the network
 * package; this store only reads it (and writes null for a new vNIC).
 */
final class VmStore {
    private static final String VM_SELECT = "SELECT v.* FROM vm v";

    void insertVm(Handle h, VmRecord vm) {
        h.createUpdate("INSERT INTO vm (id, name, host_id, kind, power_state, dlr_id, generation)"
                        + " VALUES (:id, :name, :host, :kind, :power, :dlr, :g)")
                .bind("id", vm.id().value()).bind("name", vm.name()).bind("host", vm.hostId().value())
                .bind("kind", vm.kind().name()).bind("power", vm.powerState().name())
                .bind("dlr", vm.dlr().map(DlrId::value).orElse(null)).bind("g", vm.generation()).execute();
        for (Vnic vnic : vm.vnics()) {
            h.execute("INSERT INTO vnic (vm_id, vnic_index, mac, ip, logical_switch_id, generation) VALUES (?, ?, ?, ?, NULL, ?)",
                    vm.id().value(), vnic.index(), vnic.mac().toString(), vnic.ip().map(Ipv4Address::toString).orElse(null),
                    vm.generation());
        }
    }

    /** VMs, optionally only those on one host and of one kind. */
    List<VmRecord> vms(Handle h, Optional<HostId> host, Optional<VmKind> kind) {
        List<String> conditions = new ArrayList<>(List.of("TRUE"));
        Map<String, Object> binds = new HashMap<>();
        host.ifPresent(id -> {
            conditions.add("v.host_id = :host");
            binds.put("host", id.value());
        });
        kind.ifPresent(k -> {
            conditions.add("v.kind = :kind");
            binds.put("kind", k.name());
        });
        return vmsWhere(h, String.join(" AND ", conditions), binds);
    }

    Optional<VmRecord> vm(Handle h, VmId id) {
        return vmsWhere(h, "v.id = :id", Map.of("id", id.value())).stream().findFirst();
    }

    List<VmRecord> vmsOfDlr(Handle h, DlrId dlr) {
        return vmsWhere(h, "v.dlr_id = :dlr", Map.of("dlr", dlr.value()));
    }

    Optional<VmId> vmNamed(Handle h, String name) {
        return h.createQuery("SELECT id FROM vm WHERE name = :name").bind("name", name)
                .mapTo(String.class).findOne().map(VmId::of);
    }

    Optional<VmId> vmWithMac(Handle h, MacAddress mac) {
        return h.createQuery("SELECT vm_id FROM vnic WHERE mac = :mac").bind("mac", mac.toString())
                .mapTo(String.class).findOne().map(VmId::of);
    }

    /** Number of VMs on each host that runs any. */
    Map<HostId, Integer> vmCounts(Handle h) {
        Map<HostId, Integer> counts = new HashMap<>();
        h.createQuery("SELECT host_id, count(*) AS n FROM vm GROUP BY host_id")
                .map((rs, ctx) -> Map.entry(HostId.of(rs.getString("host_id")), rs.getInt("n")))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    void moveVm(Handle h, VmId vm, HostId host, long generation) {
        h.execute("UPDATE vm SET host_id = ?, generation = ? WHERE id = ?", host.value(), generation, vm.value());
    }

    void setPower(Handle h, VmId vm, PowerState power, long generation) {
        h.execute("UPDATE vm SET power_state = ?, generation = ? WHERE id = ?", power.name(), generation, vm.value());
    }

    /** Deletes the VM; its vNICs and rule memberships go with it (ON DELETE CASCADE). */
    void deleteVm(Handle h, VmId vm) {
        h.execute("DELETE FROM vm WHERE id = ?", vm.value());
    }

    private List<VmRecord> vmsWhere(Handle h, String condition, Map<String, Object> binds) {
        Map<VmId, List<Vnic>> vnics = new HashMap<>();
        h.createQuery("SELECT n.* FROM vnic n JOIN vm v ON v.id = n.vm_id WHERE " + condition + " ORDER BY n.vnic_index")
                .bindMap(binds)
                .map((rs, ctx) -> Map.entry(VmId.of(rs.getString("vm_id")), InventoryRows.vnic(rs)))
                .forEach(e -> vnics.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        List<VmRecord> vms = h.createQuery(VM_SELECT + " WHERE " + condition).bindMap(binds)
                .map((rs, ctx) -> InventoryRows.vm(rs, vnics.getOrDefault(VmId.of(rs.getString("id")), List.of())))
                .list();
        return NaturalOrder.sorted(vms, VmRecord::id);
    }

    // ---- anti-affinity rules ----

    void insertRule(Handle h, AntiAffinityRuleRecord rule) {
        h.execute("INSERT INTO anti_affinity_rule (id, name, generation) VALUES (?, ?, ?)",
                rule.id().value(), rule.name(), rule.generation());
        for (VmId vm : rule.vms()) {
            h.execute("INSERT INTO anti_affinity_member (rule_id, vm_id) VALUES (?, ?)", rule.id().value(), vm.value());
        }
    }

    List<AntiAffinityRuleRecord> rules(Handle h) {
        Map<AntiAffinityRuleId, List<VmId>> members = members(h);
        return NaturalOrder.sorted(h.createQuery("SELECT * FROM anti_affinity_rule")
                .map((rs, ctx) -> InventoryRows.rule(rs, members.getOrDefault(AntiAffinityRuleId.of(rs.getString("id")), List.of())))
                .list(), AntiAffinityRuleRecord::id);
    }

    Optional<AntiAffinityRuleRecord> rule(Handle h, AntiAffinityRuleId id) {
        List<VmId> members = NaturalOrder.sorted(h.createQuery("SELECT vm_id FROM anti_affinity_member WHERE rule_id = :id")
                .bind("id", id.value()).mapTo(String.class).map(VmId::of).list(), vm -> vm);
        return h.createQuery("SELECT * FROM anti_affinity_rule WHERE id = :id").bind("id", id.value())
                .map((rs, ctx) -> InventoryRows.rule(rs, members)).findOne();
    }

    Optional<AntiAffinityRuleId> ruleNamed(Handle h, String name) {
        return h.createQuery("SELECT id FROM anti_affinity_rule WHERE name = :name").bind("name", name)
                .mapTo(String.class).findOne().map(AntiAffinityRuleId::of);
    }

    void deleteRule(Handle h, AntiAffinityRuleId id) {
        h.execute("DELETE FROM anti_affinity_rule WHERE id = ?", id.value());
    }

    /** For each of {@code vms}, the VMs any rule keeps apart from it, with the rule doing so. */
    Map<VmId, Map<VmId, AntiAffinityRuleId>> partners(Handle h, Collection<VmId> vms) {
        Set<VmId> wanted = new HashSet<>(vms);
        Map<VmId, Map<VmId, AntiAffinityRuleId>> partners = new HashMap<>();
        members(h).forEach((rule, members) -> {
            for (VmId vm : members) {
                if (wanted.contains(vm)) {
                    for (VmId other : members) {
                        if (!other.equals(vm)) {
                            partners.computeIfAbsent(vm, k -> new LinkedHashMap<>()).putIfAbsent(other, rule);
                        }
                    }
                }
            }
        });
        return partners;
    }

    private Map<AntiAffinityRuleId, List<VmId>> members(Handle h) {
        Map<AntiAffinityRuleId, List<VmId>> members = new HashMap<>();
        h.createQuery("SELECT rule_id, vm_id FROM anti_affinity_member")
                .map((rs, ctx) -> Map.entry(AntiAffinityRuleId.of(rs.getString("rule_id")), VmId.of(rs.getString("vm_id"))))
                .forEach(e -> members.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        members.values().forEach(list -> list.sort(NaturalOrder.by(vm -> vm)));
        return members;
    }
}
