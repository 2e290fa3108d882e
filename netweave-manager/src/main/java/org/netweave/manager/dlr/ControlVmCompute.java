package org.netweave.manager.dlr;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.netweave.model.AntiAffinityRuleId;
import org.netweave.model.ClusterId;
import org.netweave.model.DlrId;
import org.netweave.model.VmId;

/**
 * The compute inventory as the DLR jobs use it (NSX Manager calling vCenter): place and power on
 * control VMs, keep an HA pair apart, delete them. Every call joins the caller's write.
 */
public interface ControlVmCompute {
    /** Creates control VM {@code name} of {@code dlr}, placed on a host of {@code clusters}, powered on. */
    VmId deployControlVm(Handle handle, long generation, DlrId dlr, String name, List<ClusterId> clusters);

    void deleteVm(Handle handle, VmId vm);

    /**
     * A rule that keeps {@code vms} on different hosts of {@code clusters}, moving one (vMotion, as
     * DRS would) when they share a host.
     *
     * @throws org.netweave.manager.api.ApiException 409 when the clusters have fewer eligible hosts than VMs
     */
    AntiAffinityRuleId keepApart(Handle handle, long generation, String name, List<VmId> vms, List<ClusterId> clusters);

    Optional<AntiAffinityRuleId> ruleNamed(Handle handle, String name);

    void deleteRule(Handle handle, AntiAffinityRuleId rule);
}
