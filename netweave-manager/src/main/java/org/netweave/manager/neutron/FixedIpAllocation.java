package org.netweave.manager.neutron;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jdbi.v3.core.Handle;
import org.netweave.model.Ipv4Address;

/**
 * A port's fixed IPs from what the client asked: nothing (an address from the network's first
 * subnet), {@code subnet_id} (the lowest free address of its pools), {@code ip_address} (that
 * address, in whichever subnet of the network holds it), or both. An address another port holds is
 * a 409; the neutron_fixed_ip key refuses a race the check could miss.
 */
final class FixedIpAllocation {
    private FixedIpAllocation() {
    }

    /**
     * @param requested the client's {@code fixed_ips}, absent for the default
     * @param own       what the port holds now (an update gives them up for the new ones)
     */
    static List<FixedIp> resolve(Handle handle, NeutronNetworkId network, Optional<List<NeutronBody>> requested,
                                 List<FixedIp> own) {
        List<SubnetRow> subnets = SubnetStore.ofNetwork(handle, network);
        List<FixedIp> chosen = new ArrayList<>();
        if (requested.isEmpty()) {
            if (!subnets.isEmpty()) {
                chosen.add(allocate(handle, subnets.getFirst(), own, chosen));
            }
            return chosen;
        }
        for (NeutronBody entry : requested.get()) {
            Optional<String> subnetId = entry.text("subnet_id");
            Optional<String> address = entry.text("ip_address");
            if (subnetId.isEmpty() && address.isEmpty()) {
                throw NeutronException.invalid("fixed_ips", "each entry needs a subnet_id or an ip_address");
            }
            Optional<Ipv4Address> ip = address.map(text -> NeutronValues.ipv4("fixed_ips", text));
            SubnetRow subnet = subnetId.isPresent() ? onNetwork(handle, network, new NeutronSubnetId(subnetId.get()))
                    : subnets.stream().filter(s -> s.cidr().contains(ip.get())).findFirst()
                            .orElseThrow(() -> NeutronException.invalid("fixed_ips", "IP address " + ip.get()
                                    + " is in no subnet of network " + network));
            chosen.add(ip.isPresent() ? claim(handle, subnet, ip.get(), own, chosen) : allocate(handle, subnet, own, chosen));
        }
        return chosen;
    }

    private static SubnetRow onNetwork(Handle handle, NeutronNetworkId network, NeutronSubnetId id) {
        SubnetRow subnet = SubnetService.find(handle, id);
        if (!subnet.network().equals(network)) {
            throw NeutronException.invalid("fixed_ips", "subnet " + id + " is not on network " + network);
        }
        return subnet;
    }

    private static FixedIp claim(Handle handle, SubnetRow subnet, Ipv4Address ip, List<FixedIp> own, List<FixedIp> chosen) {
        if (!SubnetRules.isHost(subnet.cidr(), ip)) {
            throw new NeutronException(400, "InvalidIpForSubnet", "IP address " + ip + " is not a valid IP for the"
                    + " specified subnet " + subnet.id() + " (" + subnet.cidr() + ").");
        }
        // The gateway address may be claimed explicitly: that is how a port becomes a router interface.
        checkFree(handle, subnet, ip, own, chosen);
        return new FixedIp(subnet.id(), ip);
    }

    /**
     * A 409 if another port of the subnet holds {@code ip} or this request already chose it.
     *
     * @param own    what the port holds now (an update gives them up), empty for a new port
     * @param chosen what this request took before
     */
    static void checkFree(Handle handle, SubnetRow subnet, Ipv4Address ip, List<FixedIp> own, List<FixedIp> chosen) {
        if (used(handle, subnet, own, chosen).contains(ip)) {
            throw NeutronException.conflict("IpAddressAlreadyAllocated", "IP address " + ip
                    + " already allocated in subnet " + subnet.id());
        }
    }

    private static FixedIp allocate(Handle handle, SubnetRow subnet, List<FixedIp> own, List<FixedIp> chosen) {
        Ipv4Address ip = SubnetRules.nextFree(subnet.pools(), used(handle, subnet, own, chosen))
                .orElseThrow(() -> NeutronException.conflict("IpAddressGenerationFailure",
                        "No more IP addresses available on network " + subnet.network() + "."));
        return new FixedIp(subnet.id(), ip);
    }

    /** Addresses of the subnet held by other ports, or already chosen in this request. */
    private static Set<Ipv4Address> used(Handle handle, SubnetRow subnet, List<FixedIp> own, List<FixedIp> chosen) {
        Set<Ipv4Address> used = new HashSet<>(PortStore.usedAddresses(handle, subnet.id()));
        own.stream().filter(ip -> ip.subnet().equals(subnet.id())).forEach(ip -> used.remove(ip.address()));
        chosen.stream().filter(ip -> ip.subnet().equals(subnet.id())).forEach(ip -> used.add(ip.address()));
        return used;
    }
}
