package org.netweave.ovs;

/** The two Open vSwitch bridges of a Neutron DVR host that this backend programs. */
public enum OvsBridge {
    /** The integration bridge: VM ports and qr- router ports, each tagged with its local VLAN. */
    INT("br-int"),
    /** The tunnel bridge: DVR source-MAC rewrite, l2pop unicast, ARP responder, flooding to VTEPs. */
    TUN("br-tun");

    private final String deviceName;

    OvsBridge(String deviceName) {
        this.deviceName = deviceName;
    }

    public String deviceName() {
        return deviceName;
    }
}
