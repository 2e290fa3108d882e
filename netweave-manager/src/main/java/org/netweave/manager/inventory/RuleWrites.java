package org.netweave.manager.inventory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jdbi.v3.core.Handle;
import org.netweave.manager.api.ApiException;
import org.netweave.manager.store.Store;
import org.netweave.model.AntiAffinityRuleId;
import org.netweave.model.ClusterId;
import org.netweave.model.HostId;
import org.netweave.model.VmId;

/** Writes of anti-affinity rules, inside the caller's write. */
final class RuleWrites {
    private final InventoryStore inventory;
    private final VmStore vms;

    RuleWrites(InventoryStore inventory, VmStore vms) {
        this.inventory = inventory;
        this.vms = vms;
    }

    /**
     * Creates the rule and makes it hold at once, as DRS would: members that share a host are moved
     * by {@link AntiAffinityPlan} within the candidate clusters (none given: each member's own
     * cluster). Refused (409) when the members cannot be spread, with nothing written.
     */
    AntiAffinityRuleRecord create(Handle h, long generation, String name, List<VmId> members, Set<ClusterId> candidateClusters) {
        RequestFields.name("name", name);
        requireDistinct(members);
        vms.ruleNamed(h, name).ifPresent(other -> {
            throw ApiException.conflict("name", "anti-affinity rule " + other + " is already named '" + name + "'");
        });
        for (ClusterId cluster : candidateClusters) {
            inventory.cluster(h, cluster).orElseThrow(() -> ApiException.notFound("candidateClusters", "cluster", cluster));
        }
        Map<VmId, VmRecord> all = new HashMap<>();
        vms.vms(h, Optional.empty(), Optional.empty()).forEach(vm -> all.put(vm.id(), vm));
        for (int i = 0; i < members.size(); i++) {
            if (!all.containsKey(members.get(i))) {
                throw ApiException.notFound("vmIds[" + i + "]", "VM", members.get(i));
            }
        }
        Map<VmId, HostId> where = new HashMap<>();
        all.values().forEach(vm -> where.put(vm.id(), vm.hostId()));
        Map<VmId, Map<VmId, AntiAffinityRuleId>> partners = vms.partners(h, members);
        List<AntiAffinityPlan.Member> planMembers = members.stream()
                .map(vm -> new AntiAffinityPlan.Member(vm, all.get(vm).powerState().isOn(),
                        partners.getOrDefault(vm, Map.of()).keySet()))
                .toList();
        for (AntiAffinityPlan.Move move : AntiAffinityPlan.plan(planMembers, where, hostFacts(h, members, all, candidateClusters),
                candidateClusters)) {
            vms.moveVm(h, move.vm(), move.to(), generation);
        }
        AntiAffinityRuleRecord rule = new AntiAffinityRuleRecord(AntiAffinityRuleId.of(Store.nextId(h, "rule", "-")), name,
                NaturalOrder.sorted(members, vm -> vm), generation);
        vms.insertRule(h, rule);
        return rule;
    }

    void delete(Handle h, AntiAffinityRuleId id, boolean mustExist) {
        if (vms.rule(h, id).isEmpty()) {
            if (mustExist) {
                throw ApiException.notFound("id", "anti-affinity rule", id);
            }
            return;
        }
        vms.deleteRule(h, id);
    }

    /** The hosts the plan may use: every host of the members' clusters and of the candidate clusters. */
    private Map<HostId, AntiAffinityPlan.HostFacts> hostFacts(Handle h, List<VmId> members, Map<VmId, VmRecord> all,
                                                            Set<ClusterId> candidateClusters) {
        Set<ClusterId> clusters = new LinkedHashSet<>(candidateClusters);
        for (VmId member : members) {
            clusters.add(inventory.host(h, all.get(member).hostId()).orElseThrow().clusterId());
        }
        Map<HostId, Integer> counts = vms.vmCounts(h);
        Map<HostId, AntiAffinityPlan.HostFacts> facts = new HashMap<>();
        for (HostRecord host : inventory.hostsOfClusters(h, clusters)) {
            facts.put(host.id(), new AntiAffinityPlan.HostFacts(host.id(), host.clusterId(), host.powerState().isOn(),
                    host.carries(VmkernelService.VMOTION), counts.getOrDefault(host.id(), 0)));
        }
        return facts;
    }

    private static void requireDistinct(List<VmId> members) {
        if (members.size() < 2) {
            throw ApiException.invalid("vmIds", "an anti-affinity rule keeps at least two VMs apart; got " + members.size());
        }
        Set<VmId> seen = new HashSet<>();
        for (int i = 0; i < members.size(); i++) {
            if (!seen.add(members.get(i))) {
                throw ApiException.invalid("vmIds[" + i + "]", members.get(i) + " is listed twice");
            }
        }
    }
}
