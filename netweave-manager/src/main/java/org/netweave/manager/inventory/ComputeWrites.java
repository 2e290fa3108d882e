package org.netweave.manager.inventory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.netweave.manager.api.ApiException;
import org.netweave.manager.store.Store;
import org.netweave.model.ClusterId;
import org.netweave.model.DatacenterId;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;

/**
 * Writes of datacenters, clusters, hosts and IP pools, inside the caller's write. Every check runs
 * before the first row changes, and every refusal is an {@link ApiException} naming the field.
 */
final class ComputeWrites {
    private final InventoryStore inventory;
    private final VmStore vms;
    private final HostPreparer preparer;

    ComputeWrites(InventoryStore inventory, VmStore vms, HostPreparer preparer) {
        this.inventory = inventory;
        this.vms = vms;
        this.preparer = preparer;
    }

    // ---- datacenters ----

    DatacenterRecord createDatacenter(Handle h, long generation, String name) {
        inventory.datacenterNamed(h, name).ifPresent(other -> {
            throw ApiException.conflict("name", "datacenter " + other + " is already named '" + name + "'");
        });
        DatacenterRecord datacenter = new DatacenterRecord(DatacenterId.of(Store.nextId(h, "datacenter", "-")), name, generation);
        inventory.insertDatacenter(h, datacenter);
        return datacenter;
    }

    void deleteDatacenter(Handle h, DatacenterId id) {
        inventory.datacenter(h, id).orElseThrow(() -> ApiException.notFound("id", "datacenter", id));
        List<ClusterRecord> clusters = inventory.clusters(h, Optional.of(id));
        if (!clusters.isEmpty()) {
            throw ApiException.inUse("id", "datacenter " + id + " still holds cluster"
                    + (clusters.size() == 1 ? " " : "s ") + ids(clusters.stream().map(ClusterRecord::id).toList())
                    + "; delete them first");
        }
        inventory.deleteDatacenter(h, id);
    }

    // ---- clusters ----

    ClusterRecord createCluster(Handle h, long generation, DatacenterId datacenter, String name) {
        inventory.datacenter(h, datacenter).orElseThrow(() -> ApiException.notFound("datacenterId", "datacenter", datacenter));
        inventory.clusterNamed(h, datacenter, name).ifPresent(other -> {
            throw ApiException.conflict("name", "cluster " + other + " of " + datacenter + " is already named '" + name + "'");
        });
        ClusterId id = ClusterId.of(Store.nextId(h, "domain-c", ""));
        inventory.insertCluster(h, id, datacenter, name, generation);
        return inventory.cluster(h, id).orElseThrow();
    }

    void deleteCluster(Handle h, ClusterId id) {
        ClusterRecord cluster = inventory.cluster(h, id).orElseThrow(() -> ApiException.notFound("id", "cluster", id));
        if (!cluster.hosts().isEmpty()) {
            throw ApiException.inUse("id", "cluster " + id + " still holds host" + (cluster.hosts().size() == 1 ? " " : "s ")
                    + ids(cluster.hosts()) + "; delete them first");
        }
        List<String> users = inventory.clusterUsers(h, id);
        if (!users.isEmpty()) {
            throw ApiException.inUse("id", "cluster " + id + " is used by " + String.join(", ", users));
        }
        inventory.deleteCluster(h, id);
    }

    /**
     * Prepares every host of the cluster from the pool, and remembers the pool so hosts added
     * later are prepared too. Preparing again from the same pool only prepares hosts that are not.
     */
    ClusterRecord prepareCluster(Handle h, long generation, ClusterId id, IpPoolId poolId) {
        ClusterRecord cluster = inventory.cluster(h, id).orElseThrow(() -> ApiException.notFound("id", "cluster", id));
        IpPoolRecord pool = inventory.ipPool(h, poolId).orElseThrow(() -> ApiException.notFound("ipPoolId", "IP pool", poolId));
        if (cluster.vtepPool().isPresent() && !cluster.vtepPool().get().equals(poolId)) {
            throw ApiException.conflict("ipPoolId", "cluster " + id + " is prepared from IP pool " + cluster.vtepPool().get()
                    + "; its hosts keep their VTEP addresses, so it cannot switch to " + poolId);
        }
        preparer.prepare(h, generation, inventory.hosts(h, Optional.of(id)), pool);
        if (cluster.vtepPool().isEmpty()) {
            inventory.prepareCluster(h, id, poolId, generation);
        }
        return inventory.cluster(h, id).orElseThrow();
    }

    // ---- hosts ----

    /** Adds the host; in a prepared cluster it is prepared in the same write, or not added at all. */
    HostRecord createHost(Handle h, long generation, HostSpec spec) {
        ClusterRecord cluster = inventory.cluster(h, spec.cluster())
                .orElseThrow(() -> ApiException.notFound("clusterId", "cluster", spec.cluster()));
        inventory.hostNamed(h, spec.name()).ifPresent(other -> {
            throw ApiException.conflict("name", "host " + other + " is already named '" + spec.name() + "'");
        });
        Map<Ipv4Address, HostId> used = inventory.addressesInUse(h);
        requireFree(used, spec.managementIp(), "managementIp");
        for (int i = 0; i < spec.vmkernelPorts().size(); i++) {
            requireFree(used, spec.vmkernelPorts().get(i).address().address(), "vmkernelPorts[" + i + "].ip");
        }
        HostId id = HostId.of(Store.nextId(h, "host", "-"));
        inventory.insertHost(h, new HostRecord(id, spec.cluster(), spec.name(), spec.managementIp(), PowerState.POWERED_ON,
                false, Optional.empty(), Optional.empty(), spec.vmkernelPorts(), generation));
        if (cluster.vtepPool().isPresent()) {
            IpPoolRecord pool = inventory.ipPool(h, cluster.vtepPool().get()).orElseThrow();
            preparer.prepare(h, generation, List.of(inventory.host(h, id).orElseThrow()), pool);
        }
        return inventory.host(h, id).orElseThrow();
    }

    HostRecord prepareHost(Handle h, long generation, HostId id, IpPoolId poolId) {
        HostRecord host = inventory.host(h, id).orElseThrow(() -> ApiException.notFound("id", "host", id));
        IpPoolRecord pool = inventory.ipPool(h, poolId).orElseThrow(() -> ApiException.notFound("ipPoolId", "IP pool", poolId));
        preparer.prepare(h, generation, List.of(host), pool);
        return inventory.host(h, id).orElseThrow();
    }

    /** Powers a host on or off; off only once no running VM is left on it (vCenter asks for the same). */
    HostRecord setHostPower(Handle h, long generation, HostId id, PowerState power) {
        HostRecord host = inventory.host(h, id).orElseThrow(() -> ApiException.notFound("id", "host", id));
        if (host.powerState() == power) {
            return host;
        }
        if (!power.isOn()) {
            List<VmRecord> running = vms.vms(h, Optional.of(id), Optional.empty()).stream()
                    .filter(vm -> vm.powerState().isOn()).toList();
            if (!running.isEmpty()) {
                throw ApiException.inUse("id", "host " + id + " still runs " + ids(running.stream().map(VmRecord::id).toList())
                        + "; power them off or migrate them first");
            }
        }
        inventory.setPower(h, id, power, generation);
        return inventory.host(h, id).orElseThrow();
    }

    void deleteHost(Handle h, HostId id) {
        inventory.host(h, id).orElseThrow(() -> ApiException.notFound("id", "host", id));
        List<VmRecord> onIt = vms.vms(h, Optional.of(id), Optional.empty());
        if (!onIt.isEmpty()) {
            throw ApiException.inUse("id", "host " + id + " still has VM" + (onIt.size() == 1 ? " " : "s ")
                    + ids(onIt.stream().map(VmRecord::id).toList()) + "; delete or migrate them first");
        }
        inventory.deleteHost(h, id);
    }

    // ---- IP pools ----

    IpPoolRecord createIpPool(Handle h, long generation, IpPoolSpec spec) {
        inventory.ipPoolNamed(h, spec.name()).ifPresent(other -> {
            throw ApiException.conflict("name", "IP pool " + other + " is already named '" + spec.name() + "'");
        });
        IpPoolRecord pool = spec.toRecord(IpPoolId.of(Store.nextId(h, "ipaddresspool", "-")), generation);
        inventory.insertIpPool(h, pool);
        return pool;
    }

    void deleteIpPool(Handle h, IpPoolId id) {
        inventory.ipPool(h, id).orElseThrow(() -> ApiException.notFound("id", "IP pool", id));
        List<ClusterId> clusters = inventory.clustersPreparedFrom(h, id);
        if (!clusters.isEmpty()) {
            throw ApiException.inUse("id", "IP pool " + id + " prepares cluster" + (clusters.size() == 1 ? " " : "s ")
                    + ids(clusters) + ", whose new hosts take their VTEP addresses from it");
        }
        inventory.deleteIpPool(h, id);
    }

    private static void requireFree(Map<Ipv4Address, HostId> used, Ipv4Address address, String field) {
        HostId owner = used.get(address);
        if (owner != null) {
            throw ApiException.conflict(field, address + " is already an address of host " + owner);
        }
    }

    static String ids(List<?> ids) {
        return String.join(", ", ids.stream().map(Object::toString).toList());
    }
}
