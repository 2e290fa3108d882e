package org.netweave.cli.allinone;

import org.netweave.model.Ipv4Address;

/**
 * Which datapath backend the lab's hypervisors run: the emulated one (VTEPs on loopback, one
 * process) or real Open vSwitch in network namespaces (root and openvswitch-switch needed).
 */
public enum LabDatapath {
    emulated(Ipv4Address.parse("127.0.0.0"), "emulated hosts"),
    /** The VTEPs live inside the lab's namespaces, on a range no host network of the lab uses. */
    ovs(Ipv4Address.parse("172.30.0.0"), "hosts on Open vSwitch");

    private final Ipv4Address defaultVtepBase;
    private final String hostsLabel;

    LabDatapath(Ipv4Address defaultVtepBase, String hostsLabel) {
        this.defaultVtepBase = defaultVtepBase;
        this.hostsLabel = hostsLabel;
    }

    /** How progress lines name the hosts: "4 emulated hosts", "3 hosts on Open vSwitch". */
    public String hostsLabel() {
        return hostsLabel;
    }

    public Ipv4Address defaultVtepBase() {
        return defaultVtepBase;
    }
}
