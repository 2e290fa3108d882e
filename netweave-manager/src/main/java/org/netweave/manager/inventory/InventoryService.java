package org.netweave.manager.inventory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jdbi.v3.core.Handle;
import org.netweave.manager.store.Store;
import org.netweave.model.AntiAffinityRuleId;
import org.netweave.model.ClusterId;
import org.netweave.model.DatacenterId;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.VmId;

/**
 * Reads of the compute inventory (the vCenter part of the manager). Lists come in natural id order
 * (host-2 before host-10).
 *
 * <p>Two kinds of methods: those without a handle read in a transaction of their own (the API),
 * those with one read inside the caller's transaction, so a job that writes in the same
 * transaction sees its own changes (the DLR deployment job).
 */
public final class InventoryService {
    private final Store store;
    private final InventoryStore inventory = new InventoryStore();
    private final VmStore vms = new VmStore();

    public InventoryService(Store store) {
        this.store = store;
    }

    public List<DatacenterRecord> datacenters() {
        return store.read(inventory::datacenters);
    }

    public Optional<DatacenterRecord> datacenter(DatacenterId id) {
        return store.read(h -> inventory.datacenter(h, id));
    }

    public List<ClusterRecord> clusters(Optional<DatacenterId> datacenter) {
        return store.read(h -> inventory.clusters(h, datacenter));
    }

    public Optional<ClusterRecord> cluster(ClusterId id) {
        return store.read(h -> inventory.cluster(h, id));
    }

    public List<HostRecord> hosts(Optional<ClusterId> cluster) {
        return store.read(h -> inventory.hosts(h, cluster));
    }

    public Optional<HostRecord> host(HostId id) {
        return store.read(h -> host(h, id));
    }

    public List<IpPoolRecord> ipPools() {
        return store.read(inventory::ipPools);
    }

    public Optional<IpPoolRecord> ipPool(IpPoolId id) {
        return store.read(h -> inventory.ipPool(h, id));
    }

    /** Every address a host uses, to tell how much of a pool is allocated. */
    public Set<Ipv4Address> addressesInUse() {
        return store.read(h -> Set.copyOf(inventory.addressesInUse(h).keySet()));
    }

    public List<VmRecord> vms(Optional<HostId> host, Optional<VmKind> kind) {
        return store.read(h -> vms.vms(h, host, kind));
    }

    public Optional<VmRecord> vm(VmId id) {
        return store.read(h -> vms.vm(h, id));
    }

    public List<AntiAffinityRuleRecord> antiAffinityRules() {
        return store.read(vms::rules);
    }

    public Optional<AntiAffinityRuleRecord> antiAffinityRule(AntiAffinityRuleId id) {
        return store.read(h -> vms.rule(h, id));
    }

    /** Hosts of the VMs, to give a rule's realised state. */
    public List<HostId> hostsOf(Collection<VmId> ids) {
        return store.read(h -> ids.stream().flatMap(id -> vms.vm(h, id).stream()).map(VmRecord::hostId).distinct().toList());
    }

    // ---- in the caller's transaction (for the DLR deployment job) ----

    /**
     * The hosts of the clusters, in natural id order; clusters that do not exist contribute none.
     * The DLR job creates the DLR instance on each of them (seed 000, step 5).
     */
    public List<HostId> hostsOfClusters(Handle handle, Collection<ClusterId> clusters) {
        return inventory.hostsOfClusters(handle, Set.copyOf(clusters)).stream().map(HostRecord::id).toList();
    }

    /** A host with its cluster, VTEP address and router MAC (both present once it is prepared). */
    public Optional<HostRecord> host(Handle handle, HostId id) {
        return inventory.host(handle, id);
    }

    public Optional<VmRecord> vm(Handle handle, VmId id) {
        return vms.vm(handle, id);
    }

    /** The control VMs deployed for a DLR (one, or two for an HA pair). */
    public List<VmRecord> controlVms(Handle handle, DlrId dlr) {
        return vms.vmsOfDlr(handle, dlr);
    }
}
