package org.netweave.manager.inventory;

import java.util.List;

import org.netweave.model.AntiAffinityRuleId;
import org.netweave.model.VmId;

/** A rule that keeps its VMs on different hosts (a DRS VM-VM anti-affinity rule), as stored. */
public record AntiAffinityRuleRecord(AntiAffinityRuleId id, String name, List<VmId> vms, long generation) {
    public AntiAffinityRuleRecord {
        vms = List.copyOf(vms);
    }
}
