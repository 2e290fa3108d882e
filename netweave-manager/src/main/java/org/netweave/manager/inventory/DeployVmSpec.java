package org.netweave.manager.inventory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.netweave.model.ClusterId;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.InvalidValueException;

/**
 * A VM that another part of the manager deploys through the compute inventory, as NSX Manager asks
 * vCenter to deploy a DLR control VM (seed 000, step 2).
 *
 * @param candidateClusters where it may run; {@link Placement} picks the host
 * @param avoidHosts        hosts to stay off if any other eligible host exists (the other half of
 *                          an HA pair); when every eligible host is to be avoided, one of them is
 *                          used anyway and the anti-affinity rule then says whether the pair can
 *                          be split
 */
public record DeployVmSpec(String name, VmKind kind, Optional<DlrId> dlr, List<ClusterId> candidateClusters,
                           Set<HostId> avoidHosts, PowerState powerState, List<VnicSpec> vnics) {
    public DeployVmSpec {
        RequestFields.name("name", name);
        candidateClusters = List.copyOf(candidateClusters);
        avoidHosts = Set.copyOf(avoidHosts);
        vnics = List.copyOf(vnics);
        if (candidateClusters.isEmpty()) {
            throw new InvalidValueException("candidateClusters", "[]", "must name at least one cluster");
        }
        if (kind == VmKind.CONTROL_VM && dlr.isEmpty()) {
            throw new InvalidValueException("dlrId", null, "is missing: a control VM serves a DLR");
        }
        VmSpec.requireDistinctMacs(vnics);
    }

    /** A powered-on control VM of {@code dlr} without vNICs (its interfaces are the DLR's, not the inventory's). */
    public static DeployVmSpec controlVm(String name, DlrId dlr, Collection<ClusterId> candidateClusters,
                                         Collection<HostId> avoidHosts) {
        return new DeployVmSpec(name, VmKind.CONTROL_VM, Optional.of(dlr), List.copyOf(candidateClusters),
                Set.copyOf(avoidHosts), PowerState.POWERED_ON, List.of());
    }
}
