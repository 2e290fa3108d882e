package org.netweave.manager.dlr;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jdbi.v3.core.Handle;
import org.netweave.manager.inventory.DeployVmSpec;
import org.netweave.manager.inventory.InventoryAdminService;
import org.netweave.model.AntiAffinityRuleId;
import org.netweave.model.ClusterId;
import org.netweave.model.DlrId;
import org.netweave.model.VmId;

/** The DLR jobs' view of the compute inventory, over the inventory's own services. */
public final class InventoryControlVmCompute implements ControlVmCompute {
    private final InventoryAdminService inventory;

    public InventoryControlVmCompute(InventoryAdminService inventory) {
        this.inventory = inventory;
    }

    @Override
    public VmId deployControlVm(Handle handle, long generation, DlrId dlr, String name, List<ClusterId> clusters) {
        return inventory.deployVm(handle, generation, DeployVmSpec.controlVm(name, dlr, clusters, Set.of()));
    }

    @Override
    public void deleteVm(Handle handle, VmId vm) {
        inventory.deleteVm(handle, vm);
    }

    @Override
    public AntiAffinityRuleId keepApart(Handle handle, long generation, String name, List<VmId> vms,
                                        List<ClusterId> clusters) {
        return inventory.createAntiAffinityRule(handle, generation, name, vms, clusters);
    }

    @Override
    public Optional<AntiAffinityRuleId> ruleNamed(Handle handle, String name) {
        return handle.createQuery("SELECT id FROM anti_affinity_rule WHERE name = :name").bind("name", name)
                .map((rs, ctx) -> AntiAffinityRuleId.of(rs.getString(1))).findOne();
    }

    @Override
    public void deleteRule(Handle handle, AntiAffinityRuleId rule) {
        inventory.deleteAntiAffinityRule(handle, rule);
    }
}
