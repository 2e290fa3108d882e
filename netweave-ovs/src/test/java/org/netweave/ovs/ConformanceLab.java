package org.netweave.ovs;

import org.netweave.model.Ipv4Address;

/**
 * What the packet-outcome conformance suite needs from a backend: the seed fixture built on two
 * hosts, a way to ping from one of its VMs, and the ARP-suppression count of a host.
 */
interface ConformanceLab extends AutoCloseable {

    /** @param replyTtl the TTL of the last echo reply, -1 without one */
    record PingOutcome(int sent, int received, int replyTtl, String detail) {
    }

    PingOutcome ping(SeedFixture.Vm from, Ipv4Address target);

    /** ARP requests host {@code host} answered itself instead of flooding them. */
    long arpSuppressed(int host);

    @Override
    void close();
}
