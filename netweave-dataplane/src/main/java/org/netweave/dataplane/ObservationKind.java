package org.netweave.dataplane;

/** What a component did with a traced packet, in NSX Traceflow's vocabulary. */
public enum ObservationKind {
    /** A vNIC or a physical uplink took the packet in. */
    RECEIVED,
    /** A logical switch or a router LIF took the packet in. */
    LOGICAL_RECEIVED,
    /** A router forwarded the packet out of a LIF (after its route lookup). */
    LOGICAL_FORWARDED,
    /** The packet left in a VXLAN tunnel to a remote VTEP. */
    FORWARDED,
    /** A bridge instance carried the packet between VXLAN and VLAN. */
    BRIDGED,
    /** The packet reached a vNIC or the physical network. */
    DELIVERED,
    /** The packet was discarded; the observation carries the reason. */
    DROPPED
}
