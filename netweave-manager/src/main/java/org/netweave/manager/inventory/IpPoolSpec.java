package org.netweave.manager.inventory;

import java.util.Optional;

import org.netweave.model.Ipv4Address;

/** An IP pool to create, checked before anything is written. */
public record IpPoolSpec(String name, Ipv4Address start, Ipv4Address end, int prefixLength, Optional<Ipv4Address> gateway) {
    public IpPoolSpec {
        // The record's constructor holds the range rules; building one with a stand-in id runs them now.
        new IpPoolRecord(IpPoolId.of("unsaved"), name, start, end, prefixLength, gateway, 0);
    }

    IpPoolRecord toRecord(IpPoolId id, long generation) {
        return new IpPoolRecord(id, name, start, end, prefixLength, gateway, generation);
    }
}
