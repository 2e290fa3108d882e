package org.netweave.manager.inventory;

import org.netweave.model.InvalidValueException;
import org.netweave.model.MacAddress;

/**
 * Settings of the compute inventory.
 *
 * @param routerMacBase host preparation gives the n-th prepared host the router MAC base + n
 *                      (n = 1, 2, …, within the base's last three octets). It must be a locally
 *                      administered unicast address, so router MACs never clash with a vendor's
 *                      NIC or a VM's vNIC and are never mistaken for multicast.
 */
public record InventoryConfig(MacAddress routerMacBase) {
    /** 02:4e:57 is "NW" behind the locally administered bit. */
    public static final InventoryConfig DEFAULTS = new InventoryConfig(MacAddress.parse("02:4e:57:00:00:00"));

    public InventoryConfig {
        if (!routerMacBase.isLocallyAdministeredUnicast()) {
            throw new InvalidValueException("routerMacBase", routerMacBase.toString(),
                    "is not a locally administered unicast MAC address (second-lowest bit of the first octet set, lowest clear)");
        }
    }
}
