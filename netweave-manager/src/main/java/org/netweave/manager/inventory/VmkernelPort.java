package org.netweave.manager.inventory;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4InterfaceAddress;

/**
 * A VMkernel adapter of a host (vmk0, vmk1, …): the host's own interface for management, vMotion,
 * fault tolerance, IP storage or VXLAN, as opposed to a VM's vNIC.
 *
 * @param device   {@code vmk} and a number below 1000, unique per host
 * @param address  its address and subnet
 * @param services what it carries; at least one
 */
public record VmkernelPort(String device, Ipv4InterfaceAddress address, Set<VmkernelService> services) {
    private static final Pattern DEVICE = Pattern.compile("vmk(0|[1-9][0-9]{0,2})");

    public VmkernelPort {
        if (device == null || !DEVICE.matcher(device).matches()) {
            throw new InvalidValueException("device", device, "is not a VMkernel device name (vmk0 … vmk999)");
        }
        if (address == null) {
            throw new InvalidValueException("ip", null, "is missing");
        }
        if (services == null || services.isEmpty()) {
            throw new InvalidValueException("services", services, "must name at least one service");
        }
        services = Collections.unmodifiableSet(EnumSet.copyOf(services));
    }

    public boolean carries(VmkernelService service) {
        return services.contains(service);
    }

    /**
     * The device host preparation gives the VTEP port: the lowest vmkN the host does not use yet,
     * as ESXi numbers a new adapter.
     */
    public static String nextFreeDevice(Collection<String> taken) {
        for (int n = 0; n < 1000; n++) {
            if (!taken.contains("vmk" + n)) {
                return "vmk" + n;
            }
        }
        throw new InvalidValueException("device", taken.size() + " devices", "leave no free vmkN below vmk1000");
    }
}
