package org.netweave.manager.neutron;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;

/**
 * What a subnet's addresses must satisfy, and Neutron's defaults: the gateway is the first host
 * address, the pools are every host address but the gateway's. Pure.
 */
final class SubnetRules {
    /** A /31 or /32 leaves no room for a gateway and a port beside it. */
    static final int LONGEST_PREFIX = 30;

    private SubnetRules() {
    }

    static Ipv4Prefix cidr(String text) {
        Ipv4Prefix cidr = NeutronValues.cidr("cidr", text);
        if (cidr.length() > LONGEST_PREFIX || cidr.length() < 8) {
            throw NeutronException.invalid("cidr", "prefix length of " + cidr + " is outside 8-" + LONGEST_PREFIX);
        }
        return cidr;
    }

    /** {@code requested}: absent = the default (first host address); present but null = no gateway. */
    static Ipv4Address gateway(Ipv4Prefix cidr, Optional<Optional<String>> requested) {
        if (requested.isEmpty()) {
            return NeutronValues.address(NeutronValues.first(cidr) + 1);
        }
        if (requested.get().isEmpty()) {
            return null;
        }
        Ipv4Address gateway = NeutronValues.ipv4("gateway_ip", requested.get().get());
        if (!isHost(cidr, gateway)) {
            throw NeutronException.invalid("gateway_ip", gateway + " is not a host address of " + cidr);
        }
        return gateway;
    }

    /** Every host address of the subnet but the gateway, as one or two ranges. */
    static List<AllocationPool> defaultPools(Ipv4Prefix cidr, Ipv4Address gateway) {
        long first = NeutronValues.first(cidr) + 1;
        long last = NeutronValues.last(cidr) - 1;
        List<AllocationPool> pools = new ArrayList<>();
        if (gateway == null) {
            pools.add(pool(first, last));
            return pools;
        }
        long gw = Integer.toUnsignedLong(gateway.value());
        if (gw > first) {
            pools.add(pool(first, gw - 1));
        }
        if (gw < last) {
            pools.add(pool(gw + 1, last));
        }
        return pools;
    }

    /**
     * Pools a client gave, or the ones a subnet keeps when its gateway changes: host addresses of the
     * subnet, start before end, disjoint, without the gateway ({@code null}: the subnet has none).
     */
    static List<AllocationPool> checkPools(Ipv4Prefix cidr, Ipv4Address gateway, List<AllocationPool> pools) {
        List<AllocationPool> sorted = pools.stream()
                .sorted(Comparator.comparing(pool -> Integer.toUnsignedLong(pool.start().value()))).toList();
        for (AllocationPool pool : sorted) {
            if (!isHost(cidr, pool.start()) || !isHost(cidr, pool.end())) {
                throw NeutronException.invalid("allocation_pools", "the pool " + pool.start() + "-" + pool.end()
                        + " spans beyond the host addresses of " + cidr);
            }
            if (Integer.compareUnsigned(pool.start().value(), pool.end().value()) > 0) {
                throw NeutronException.invalid("allocation_pools", "the pool " + pool.start() + "-" + pool.end()
                        + " ends before it starts");
            }
            if (gateway != null && pool.contains(gateway)) {
                throw NeutronException.conflict("GatewayConflictWithAllocationPools", "Gateway ip " + gateway
                        + " conflicts with allocation pool " + pool.start() + "-" + pool.end());
            }
        }
        for (int i = 1; i < sorted.size(); i++) {
            if (Integer.compareUnsigned(sorted.get(i).start().value(), sorted.get(i - 1).end().value()) <= 0) {
                throw NeutronException.invalid("allocation_pools", "the pools " + sorted.get(i - 1).start() + "-"
                        + sorted.get(i - 1).end() + " and " + sorted.get(i).start() + "-" + sorted.get(i).end() + " overlap");
            }
        }
        return sorted;
    }

    /** The lowest address of the pools that no port holds. */
    static Optional<Ipv4Address> nextFree(List<AllocationPool> pools, Set<Ipv4Address> used) {
        for (AllocationPool pool : pools) {
            for (long ip = Integer.toUnsignedLong(pool.start().value()); ip <= Integer.toUnsignedLong(pool.end().value());
                 ip++) {
                Ipv4Address candidate = NeutronValues.address(ip);
                if (!used.contains(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** An address of the subnet that is neither its network nor its broadcast address. */
    static boolean isHost(Ipv4Prefix cidr, Ipv4Address address) {
        long ip = Integer.toUnsignedLong(address.value());
        return cidr.contains(address) && ip != NeutronValues.first(cidr) && ip != NeutronValues.last(cidr);
    }

    private static AllocationPool pool(long first, long last) {
        return new AllocationPool(NeutronValues.address(first), NeutronValues.address(last));
    }
}
