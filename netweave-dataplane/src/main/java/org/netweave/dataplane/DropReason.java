package org.netweave.dataplane;

/** Why the data plane discarded a frame. Every drop is counted under exactly one reason. */
public enum DropReason {
    /** The frame could not be parsed (truncated, bad header length or checksum). */
    MALFORMED,
    /** A VXLAN packet for a VNI this host does not carry. */
    UNKNOWN_VNI,
    /** A VXLAN packet from a VTEP that is neither in the VNI's VTEP table nor an attached external VTEP. */
    UNKNOWN_VTEP,
    /** The DLR has no route to the destination (an ICMP net-unreachable went back). */
    NO_ROUTE,
    /** The next hop's MAC is not known yet; an ARP request went out and the packet was not held. */
    NO_ARP,
    /** TTL would reach zero (an ICMP time-exceeded went back). */
    TTL_EXCEEDED,
    /** The frame was addressed to a port with nothing connected, or an unknown port. */
    PORT_DOWN,
    /** A frame that came in from the VLAN side would have gone back to it (bridge loop guard). */
    BRIDGE_LOOP_GUARD,
    /** A unicast frame from a tunnel whose destination is not local (no tunnel-to-tunnel forwarding). */
    NOT_LOCAL,
    /** A frame on a VLAN with no bridge or LIF on this host. */
    NO_BRIDGE,
    /** An IPv4 packet to the router that it does not answer (only ICMP echo is answered). */
    NOT_FOR_ROUTER,
    /** A frame from a vNIC whose source MAC, or ARP sender MAC, is not the port's (SpoofGuard). */
    SPOOFED_MAC,
    /** ARP or IPv4 from a vNIC whose sender or source address is not one the VM was given (SpoofGuard). */
    SPOOFED_IP,
    /** An 802.1Q or 802.1ad tagged frame from a vNIC: a VM's port on a logical switch carries untagged frames only. */
    TAGGED_FROM_VNIC,
    /** The socket could not take the packet (send buffer full). */
    TX_FAILED
}
