package org.netweave.manager.inventory;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.jdbi.v3.core.Handle;
import org.netweave.manager.api.ApiException;
import org.netweave.manager.store.Store;
import org.netweave.model.AntiAffinityRuleId;
import org.netweave.model.ClusterId;
import org.netweave.model.DatacenterId;
import org.netweave.model.HostId;
import org.netweave.model.VmId;

/**
 * Writes of the compute inventory. Each checks the request against the inventory and refuses with
 * an {@link ApiException} (404 for an unknown reference, 409 for a taken name or address, an
 * object in use, an exhausted pool, a rule that cannot hold) before it changes anything, and runs
 * in one transaction, so a refused or failed write leaves nothing behind.
 *
 * <p>Two kinds of methods: those without a handle are one {@link Store#write} each (the API) and
 * return the object as written, with its generation, or for a delete the write's generation.
 * Those with a handle and a generation join the caller's write, so the DLR deployment job deploys
 * its control VMs and their anti-affinity rule in the same transaction as its own rows, and a
 * rolled-back job leaves no VM behind.
 */
public final class InventoryAdminService {
    private final Store store;
    private final ComputeWrites compute;
    private final VmWrites vmWrites;
    private final RuleWrites rules;

    public InventoryAdminService(Store store, InventoryConfig config) {
        this.store = store;
        InventoryStore inventory = new InventoryStore();
        VmStore vms = new VmStore();
        this.compute = new ComputeWrites(inventory, vms, new HostPreparer(inventory, vms, config));
        this.vmWrites = new VmWrites(inventory, vms);
        this.rules = new RuleWrites(inventory, vms);
    }

    public DatacenterRecord createDatacenter(String name) {
        return store.write((h, g) -> compute.createDatacenter(h, g, name)).value();
    }

    public long deleteDatacenter(DatacenterId id) {
        return store.write((h, g) -> run(() -> compute.deleteDatacenter(h, id))).generation();
    }

    public ClusterRecord createCluster(DatacenterId datacenter, String name) {
        return store.write((h, g) -> compute.createCluster(h, g, datacenter, name)).value();
    }

    public long deleteCluster(ClusterId id) {
        return store.write((h, g) -> run(() -> compute.deleteCluster(h, id))).generation();
    }

    /**
     * NSX host preparation of a cluster: every host gets a VTEP VMkernel port with an address from
     * the pool and a router MAC; hosts added to the cluster later are prepared from the same pool
     * as they are added. Hosts already prepared keep what they have.
     */
    public ClusterRecord prepareCluster(ClusterId id, IpPoolId pool) {
        return store.write((h, g) -> compute.prepareCluster(h, g, id, pool)).value();
    }

    public HostRecord createHost(HostSpec spec) {
        return store.write((h, g) -> compute.createHost(h, g, spec)).value();
    }

    /** Host preparation of one host; a prepared host stays as it is. */
    public HostRecord prepareHost(HostId id, IpPoolId pool) {
        return store.write((h, g) -> compute.prepareHost(h, g, id, pool)).value();
    }

    public HostRecord setHostPower(HostId id, PowerState power) {
        return store.write((h, g) -> compute.setHostPower(h, g, id, power)).value();
    }

    public long deleteHost(HostId id) {
        return store.write((h, g) -> run(() -> compute.deleteHost(h, id))).generation();
    }

    public IpPoolRecord createIpPool(IpPoolSpec spec) {
        return store.write((h, g) -> compute.createIpPool(h, g, spec)).value();
    }

    public long deleteIpPool(IpPoolId id) {
        return store.write((h, g) -> run(() -> compute.deleteIpPool(h, id))).generation();
    }

    public VmRecord createVm(VmSpec spec) {
        return store.write((h, g) -> vmWrites.create(h, g, spec)).value();
    }

    public VmRecord setVmPower(VmId id, PowerState power) {
        return store.write((h, g) -> vmWrites.setPower(h, g, id, power)).value();
    }

    /** vMotion (or a cold migration of a powered-off VM) to another host. */
    public VmRecord migrateVm(VmId id, HostId host) {
        return store.write((h, g) -> vmWrites.migrate(h, g, id, host)).value();
    }

    /** Deletes a VM; a DLR's control VM is refused (409 in_use): its DLR owns it. */
    public long deleteVm(VmId id) {
        return store.write((h, g) -> run(() -> vmWrites.delete(h, id, true))).generation();
    }

    /** Creates the rule; members that share a host move within their own cluster, as DRS would move them. */
    public AntiAffinityRuleRecord createAntiAffinityRule(String name, List<VmId> vms) {
        return store.write((h, g) -> rules.create(h, g, name, vms, Set.of())).value();
    }

    public long deleteAntiAffinityRule(AntiAffinityRuleId id) {
        return store.write((h, g) -> run(() -> rules.delete(h, id, true))).generation();
    }

    // ---- in the caller's write (for the DLR deployment job) ----

    /**
     * Deploys a VM (a DLR control VM: {@link DeployVmSpec#controlVm}) on the host {@link Placement}
     * picks in the candidate clusters, staying off the hosts to avoid while any other is eligible.
     *
     * @throws ApiException 404 for an unknown cluster, 409 for a taken name or when no candidate
     *                      host is powered on
     */
    public VmId deployVm(Handle handle, long generation, DeployVmSpec spec) {
        return vmWrites.deploy(handle, generation, spec);
    }

    /** Deletes the VM with its vNICs and rule memberships, control VMs included; no VM, nothing to do. */
    public void deleteVm(Handle handle, VmId id) {
        vmWrites.delete(handle, id, false);
    }

    /**
     * Creates an anti-affinity rule and enforces it at once, as DRS does for the rule NSX Manager
     * creates for a control VM HA pair: a member that shares a host with another moves (vMotion) to
     * the least-loaded eligible host of its own cluster.
     *
     * @throws ApiException 409 when too few eligible hosts exist, e.g. "an HA pair needs two hosts:
     *                      cluster domain-c1 has only one eligible host host-1"; 404 for an unknown
     *                      VM; 400 for fewer than two or repeated VMs
     */
    public AntiAffinityRuleId createAntiAffinityRule(Handle handle, long generation, String name, List<VmId> vms) {
        return rules.create(handle, generation, name, vms, Set.of()).id();
    }

    /**
     * As {@link #createAntiAffinityRule(Handle, long, String, List)}, but members may move to any
     * eligible host of the candidate clusters (those the control VMs were deployed into).
     */
    public AntiAffinityRuleId createAntiAffinityRule(Handle handle, long generation, String name, List<VmId> vms,
                                                     Collection<ClusterId> candidateClusters) {
        return rules.create(handle, generation, name, vms, Set.copyOf(candidateClusters)).id();
    }

    /** Deletes the rule; no rule, nothing to do. */
    public void deleteAntiAffinityRule(Handle handle, AntiAffinityRuleId id) {
        rules.delete(handle, id, false);
    }

    private static Void run(Runnable write) {
        write.run();
        return null;
    }
}
