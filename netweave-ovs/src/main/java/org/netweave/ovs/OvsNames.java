package org.netweave.ovs;

import org.netweave.model.DlrId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.LifId;
import org.netweave.model.PortId;

/**
 * Device, port and namespace names, as Neutron forms them: {@code tap} + id for a VM port,
 * {@code qr-} + id for a router port, {@code vxlan-} + the remote VTEP in hex for a tunnel port,
 * {@code qrouter-} + the router for its namespace. Linux limits device names to 15 characters,
 * so ids are cut to 11 as Neutron does.
 */
public final class OvsNames {
    static final int DEVICE_NAME_MAX = 15;

    private OvsNames() {
    }

    /** The br-int port (a veth end or internal port) that a vNIC's VM is attached by. */
    public static String vnicDevice(PortId port) {
        return "tap" + shortId(port.value());
    }

    /** The qr- device of a LIF, both in the qrouter namespace and (as the veth peer) on br-int. */
    public static String qrDevice(LifId lif) {
        return "qr-" + shortId(lif.value());
    }

    public static String tunnelPort(Ipv4Address remoteVtep) {
        return "vxlan-" + String.format("%08x", remoteVtep.value());
    }

    /**
     * The qrouter namespace of a DLR. Network namespace names are global to a kernel, so
     * emulated hypervisors sharing one kernel prefix it with their own name.
     */
    public static String qrouterNamespace(String hostPrefix, DlrId dlr) {
        return hostPrefix + "qrouter-" + dlr.value();
    }

    static String shortId(String id) {
        String clean = id.replaceAll("[^A-Za-z0-9_.-]", "-");
        return clean.length() <= 11 ? clean : clean.substring(0, 11);
    }
}
