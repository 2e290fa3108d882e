package org.netweave.ovs;

/**
 * The br-int stages this backend uses, with Neutron's table numbers (neutron-lib
 * {@code ovs_constants.py}) so that a dump reads like a Neutron DVR host's. The QoS tables 58/59
 * that Neutron passes through between LOCAL_SWITCHING and TRANSIENT are left out: nothing here
 * rate-limits, so LOCAL_SWITCHING goes straight to TRANSIENT.
 */
public enum IntStage implements Stage {
    /** Classifier: frames from remote DVR MACs and ARP replies to this host's DVR MAC branch off. */
    LOCAL_SWITCHING(0),
    /** Routed frames from a remote DVR host: the source becomes the subnet's gateway MAC. */
    DVR_TO_SRC_MAC(1),
    /** Frames a remote ARP responder addressed to this host's DVR MAC go to the local qr- port. */
    ARP_DVR_MAC_TO_DST_MAC(3),
    /** One drop flow; Neutron's agent reads its absence as "OVS restarted, resync". */
    CANARY(23),
    /** ARP from a VM port: its sender MAC and address must be the port's (Neutron's ARP_SPOOF_TABLE). */
    ARP_SPOOF(24),
    /** Any frame from a VM port: its source MAC, and an IPv4 source, must be the port's (MAC_SPOOF_TABLE). */
    MAC_SPOOF(25),
    /**
     * Where SpoofGuard's drops end, one table per reason with one flow that is never removed, so
     * that its packet count only grows (ports and their flows come and go). Not Neutron's.
     */
    SPOOFED_IP_DROP(26),
    SPOOFED_MAC_DROP(27),
    TAGGED_DROP(28),
    /** NORMAL switching, and the final output of DVR_TO_SRC_MAC frames to the VM port. */
    TRANSIENT(60);

    private final int table;

    IntStage(int table) {
        this.table = table;
    }

    @Override
    public OvsBridge bridge() {
        return OvsBridge.INT;
    }

    @Override
    public int table() {
        return table;
    }
}
