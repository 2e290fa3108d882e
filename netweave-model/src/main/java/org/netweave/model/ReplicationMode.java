package org.netweave.model;

/**
 * How a logical switch replicates broadcast, unknown unicast and multicast (BUM) frames to the
 * other VTEPs of its VNI, as NSX-V's control plane modes define it.
 */
public enum ReplicationMode {
    /** Head-end: one unicast copy per VTEP of the local segment, one per remote segment to a proxy (UTEP). */
    UNICAST,
    /** L2 multicast on the local segment, one unicast copy per remote segment to a proxy (MTEP). */
    HYBRID,
    /** One copy to the logical switch's multicast group; the underlay replicates. */
    MULTICAST
}
