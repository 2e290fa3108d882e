package org.netweave.manager.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.netweave.manager.api.ApiException;
import org.netweave.model.ClusterId;
import org.netweave.model.HostId;
import org.netweave.model.VmId;

/**
 * How to make a new anti-affinity rule hold, as DRS does after NSX Manager creates the rule for a
 * control VM HA pair (seed 000): members that share a host are moved, one at a time, to the
 * least-loaded eligible host that runs none of their partners. The member with the lowest id on a
 * host stays. A host is eligible for a member when it is powered on, lies in the candidate
 * clusters (or, without any, in the member's own cluster) and, for a running member, has a VMkernel
 * port with VMOTION as its source host does, since a running VM moves by vMotion. Pure: the
 * facts come in, the moves come out, or an {@link ApiException} (409) says why the rule cannot hold.
 */
public final class AntiAffinityPlan {
    /** A host as the plan sees it. */
    public record HostFacts(HostId id, ClusterId cluster, boolean poweredOn, boolean vmotion, int vmCount) {
    }

    /**
     * A member of the new rule.
     *
     * @param partners the VMs other rules already keep apart from it
     */
    public record Member(VmId id, boolean poweredOn, Set<VmId> partners) {
        public Member {
            partners = Set.copyOf(partners);
        }
    }

    public record Move(VmId vm, HostId from, HostId to) {
    }

    private AntiAffinityPlan() {
    }

    /**
     * @param where             the host of every member and every partner
     * @param hosts             every host of the members' clusters and of the candidate clusters
     * @param candidateClusters where members may move; empty = each member stays in its own cluster
     */
    public static List<Move> plan(List<Member> members, Map<VmId, HostId> where, Map<HostId, HostFacts> hosts,
                                  Set<ClusterId> candidateClusters) {
        Map<VmId, HostId> at = new HashMap<>(where);
        Map<HostId, Integer> load = new HashMap<>();
        hosts.values().forEach(host -> load.put(host.id(), host.vmCount()));
        // Members earlier in id order have their final host; a member checks against them and
        // against its partners of other rules, which hold already.
        Set<VmId> settled = new HashSet<>();
        List<Move> moves = new ArrayList<>();
        for (Member member : members.stream().sorted(NaturalOrder.by(Member::id)).toList()) {
            Set<VmId> apart = new HashSet<>(member.partners());
            apart.addAll(settled);
            settled.add(member.id());
            Set<HostId> taken = apart.stream().map(at::get).filter(Objects::nonNull).collect(Collectors.toSet());
            HostId here = at.get(member.id());
            if (!taken.contains(here)) {
                continue;
            }
            HostFacts source = hosts.get(here);
            if (member.poweredOn() && !source.vmotion()) {
                throw ApiException.conflict("vmIds", member.id() + " shares host " + here + " with a VM it must be kept"
                        + " apart from, but cannot move: " + here + " has no VMkernel port with VMOTION");
            }
            Set<ClusterId> clusters = candidateClusters.isEmpty() ? Set.of(source.cluster()) : candidateClusters;
            List<HostFacts> eligible = hosts.values().stream()
                    .filter(host -> clusters.contains(host.cluster()) && host.poweredOn())
                    .filter(host -> !member.poweredOn() || host.vmotion())
                    .toList();
            HostId to = Placement.choose(
                            eligible.stream().map(host -> new Placement.Candidate(host.id(), true, load.get(host.id()))).toList(),
                            taken)
                    .orElseThrow(() -> noHost(member, members.size(), clusters, eligible, taken));
            moves.add(new Move(member.id(), here, to));
            at.put(member.id(), to);
            load.merge(here, -1, Integer::sum);
            load.merge(to, 1, Integer::sum);
        }
        return moves;
    }

    private static ApiException noHost(Member member, int memberCount, Set<ClusterId> clusters,
                                       List<HostFacts> eligible, Set<HostId> taken) {
        String where = clusters.size() == 1 ? "cluster " + clusters.iterator().next() + " has"
                : "clusters " + sortedText(clusters) + " have";
        String eligibility = member.poweredOn() ? " (eligible: powered on, with a VMkernel port for VMOTION)"
                : " (eligible: powered on)";
        if (eligible.size() < memberCount) {
            String need = memberCount == 2 ? "an HA pair needs two hosts"
                    : memberCount + " VMs kept apart need " + memberCount + " hosts";
            String have = switch (eligible.size()) {
                case 0 -> "no eligible host";
                case 1 -> "only one eligible host " + eligible.getFirst().id();
                default -> "only " + eligible.size() + " eligible hosts " + sortedText(eligible.stream().map(HostFacts::id).toList());
            };
            return ApiException.conflict("vmIds", need + ": " + where + " " + have + eligibility);
        }
        return ApiException.conflict("vmIds", "no eligible host is free for " + member.id() + ": " + where + " "
                + eligible.size() + " eligible hosts, and VMs it must be kept apart from run on " + sortedText(taken) + eligibility);
    }

    private static String sortedText(Collection<?> ids) {
        TreeSet<String> sorted = new TreeSet<>(NaturalOrder::compare);
        ids.forEach(id -> sorted.add(id.toString()));
        return String.join(", ", sorted);
    }
}
