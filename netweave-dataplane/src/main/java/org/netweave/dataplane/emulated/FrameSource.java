package org.netweave.dataplane.emulated;

/** Where a frame entered the logical switch; decides split horizon and who may answer ARP. */
enum FrameSource {
    /** A local vNIC. */
    PORT,
    /** The host's DLR instance (a routed packet, an ICMP error, an ARP request of the router). */
    ROUTER,
    /** A VXLAN tunnel from another VTEP. */
    TUNNEL,
    /** The VLAN side of this host's bridge instance. */
    VLAN
}
