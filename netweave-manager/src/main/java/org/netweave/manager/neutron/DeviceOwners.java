package org.netweave.manager.neutron;

/** The {@code device_owner} values the Neutron API itself gives ports. */
final class DeviceOwners {
    /** A distributed router's interface: the same IP and MAC on every host (neutron-lib DEVICE_OWNER_DVR_INTERFACE). */
    static final String DVR_INTERFACE = "network:router_interface_distributed";
    /** A centralized router's interface (DEVICE_OWNER_ROUTER_INTF). */
    static final String ROUTER_INTERFACE = "network:router_interface";

    private DeviceOwners() {
    }

    static String routerInterface(boolean distributed) {
        return distributed ? DVR_INTERFACE : ROUTER_INTERFACE;
    }

    static boolean isRouterInterface(String owner) {
        return DVR_INTERFACE.equals(owner) || ROUTER_INTERFACE.equals(owner);
    }
}
