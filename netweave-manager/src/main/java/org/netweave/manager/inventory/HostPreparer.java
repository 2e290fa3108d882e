package org.netweave.manager.inventory;

import java.util.List;
import java.util.Set;

import org.jdbi.v3.core.Handle;
import org.netweave.manager.api.ApiException;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.MacAddress;

/**
 * NSX host preparation, within the caller's write: each host gets a VTEP VMkernel port (the next
 * free vmkN, an address from the pool) for the VXLAN traffic of logical switches (seed 004), and a
 * router MAC of its own. Either every given host is prepared or, when the pool has too few free
 * addresses, none is and nothing is written.
 */
final class HostPreparer {
    private final InventoryStore inventory;
    private final VmStore vms;
    private final MacAllocator routerMacs;

    HostPreparer(InventoryStore inventory, VmStore vms, InventoryConfig config) {
        this.inventory = inventory;
        this.vms = vms;
        this.routerMacs = MacAllocator.routerMacs(config);
    }

    /** Prepares those of {@code hosts} that are not prepared yet; the others stay as they are. */
    void prepare(Handle h, long generation, List<HostRecord> hosts, IpPoolRecord pool) {
        List<HostRecord> todo = hosts.stream().filter(host -> !host.prepared()).toList();
        if (todo.isEmpty()) {
            return;
        }
        Set<Ipv4Address> used = inventory.addressesInUse(h).keySet();
        List<Ipv4Address> addresses = IpPoolAllocator.allocate(pool, used, todo.size());
        if (addresses.size() < todo.size()) {
            throw ApiException.conflict("ipPoolId", "IP pool " + pool.id() + " '" + pool.name() + "' has "
                    + addresses.size() + " free address" + (addresses.size() == 1 ? "" : "es") + " and "
                    + todo.size() + " host" + (todo.size() == 1 ? " needs" : "s need") + " one each; nothing was prepared");
        }
        for (int i = 0; i < todo.size(); i++) {
            HostRecord host = todo.get(i);
            String device = VmkernelPort.nextFreeDevice(host.vmkernelPorts().stream().map(VmkernelPort::device).toList());
            inventory.addVmkernelPort(h, host.id(), new VmkernelPort(device,
                    new Ipv4InterfaceAddress(addresses.get(i), pool.prefixLength()), Set.of(VmkernelService.VTEP)));
            // A vNIC with the same MAC would make the overlay see one MAC in two places.
            MacAddress mac = routerMacs.next(h, candidate -> inventory.hostWithRouterMac(h, candidate).isPresent()
                    || vms.vmWithMac(h, candidate).isPresent(), "routerMac");
            inventory.markPrepared(h, host.id(), addresses.get(i), mac, generation);
        }
    }
}
