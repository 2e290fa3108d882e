package org.netweave.ovs;

import org.netweave.model.DlrId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.LifId;
import org.netweave.model.PortId;
import org.netweave.model.VlanId;

/**
 * Device, port and namespace names, as Neutron forms them: {@code tap} + id for a VM port,
 * {@code qr-} + id for a router port, {@code vxlan-} + the remote VTEP in hex for a tunnel port,
 * {@code qrouter-} + the router for its namespace. Linux limits device names to 15 characters,
 * so 11 characters are left for the id. Neutron cuts its UUIDs to 11, which are unique enough;
 * our ids are not (vm-12345678.000 and .001 share 11 characters, and LIF ids repeat across DLRs),
 * so a longer id keeps 4 characters for the eye and 7 hex of its SHA-256, and a router port is
 * named by a hash of its DLR and LIF together.
 */
public final class OvsNames {
    static final int DEVICE_NAME_MAX = 15;

    private OvsNames() {
    }

    /** The br-int port (a veth end or internal port) that a vNIC's VM is attached by. */
    public static String vnicDevice(PortId port) {
        return "tap" + shortId(port.value());
    }

    /** The qr- device of a DLR's LIF, both in the qrouter namespace and (as the veth peer) on br-int. */
    public static String qrDevice(DlrId dlr, LifId lif) {
        return "qr-" + digest(dlr.value() + "/" + lif.value()).substring(0, 11);
    }

    /**
     * The patch pair of a bridge instance, named by its VLAN: {@code int-vlan100} on br-int and
     * {@code phy-vlan100} on the physical bridge, as Neutron names its int-br-X / phy-br-X pairs.
     */
    public static String bridgeIntPatch(VlanId vlan) {
        return "int-vlan" + vlan.value();
    }

    public static String bridgePhyPatch(VlanId vlan) {
        return "phy-vlan" + vlan.value();
    }

    /** Whether a port's name is one this backend gives, so that one left by an earlier run is ours to remove. */
    static boolean isManagedPort(String name) {
        return name.startsWith("tap") || name.startsWith("qr-") || name.startsWith("vxlan-")
                || name.startsWith("int-vlan") || name.startsWith("phy-vlan");
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
        return clean.length() <= 11 && clean.equals(id) ? clean : clean.substring(0, Math.min(4, clean.length()))
                + digest(id).substring(0, 7);
    }

    private static String digest(String id) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(id.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
