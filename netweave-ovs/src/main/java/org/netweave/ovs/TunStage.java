package org.netweave.ovs;

/** The br-tun stages of a Neutron DVR host, with Neutron's table numbers (neutron-lib {@code ovs_constants.py}). */
public enum TunStage implements Stage {
    /** Classifier by in_port: from br-int to DVR_PROCESS, from a VXLAN port to VXLAN_TUN_TO_LV. */
    LOCAL_SWITCHING(0),
    /** Egress from br-int: drop frames to a LIF vMAC, rewrite a LIF vMAC source to this host's DVR MAC. */
    DVR_PROCESS(1),
    /** Splits unicast, ARP broadcast and other broadcast/multicast. */
    PATCH_LV_TO_TUN(2),
    /** VNI → local VLAN for frames arriving over VXLAN. */
    VXLAN_TUN_TO_LV(4),
    /** Frames sourced by a remote DVR MAC go straight to br-int without MAC learning. */
    DVR_NOT_LEARN(9),
    /** Neutron learns MACs from tunnels here; with l2pop every remote MAC is known, so this only forwards. */
    LEARN_FROM_TUN(10),
    /** l2pop unicast: a remote MAC → its VTEP's VXLAN port with the VNI. */
    UCAST_TO_TUN(20),
    /** Answers ARP requests from the VNI's ARP bindings, so they never cross the underlay. */
    ARP_RESPONDER(21),
    /** Head-end replication to the VNI's VTEPs; the DVR ARP block for LIF gateway addresses. */
    FLOOD_TO_TUN(22);

    private final int table;

    TunStage(int table) {
        this.table = table;
    }

    @Override
    public OvsBridge bridge() {
        return OvsBridge.TUN;
    }

    @Override
    public int table() {
        return table;
    }
}
