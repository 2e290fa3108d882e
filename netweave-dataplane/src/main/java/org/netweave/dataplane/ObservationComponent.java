package org.netweave.dataplane;

/** The kind of data-plane component that reported an observation. */
public enum ObservationComponent {
    VNIC,
    PHYSICAL_UPLINK,
    LOGICAL_SWITCH,
    LOGICAL_ROUTER,
    TUNNEL,
    BRIDGE
}
