package org.netweave.dataplane;

import java.util.Objects;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;

/**
 * One row of a VNI's VTEP table: a VTEP that has joined the VNI and the segment (VTEP subnet)
 * it sits in. The segment decides whether it gets a direct copy of BUM traffic or is reached
 * through its segment's proxy.
 */
public record VtepRecord(Ipv4Address ip, Ipv4Prefix segment) {
    public VtepRecord {
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(segment, "segment");
    }
}
