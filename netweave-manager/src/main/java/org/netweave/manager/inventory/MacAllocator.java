package org.netweave.manager.inventory;

import java.util.function.Predicate;

import org.jdbi.v3.core.Handle;
import org.netweave.manager.api.ApiException;
import org.netweave.manager.store.Store;
import org.netweave.model.MacAddress;

/**
 * Allocates MAC addresses from a range with a counter kept in the store's id sequences: the n-th
 * allocation gets base + n, skipping addresses already taken (an operator may have chosen one).
 * A counter rather than "lowest free" so a freed MAC is not handed out again soon: hosts and
 * controllers may still hold it in their MAC tables.
 */
final class MacAllocator {
    /** VMware's range for MACs that vCenter generates: 00:50:56:80:00:00–00:50:56:bf:ff:ff. */
    static final MacAllocator VNICS = new MacAllocator("vnic-mac", 0x0050_5680_0000L, 0x0050_56BF_FFFFL, "vNIC MAC");

    private final String sequence;
    private final long base;
    private final long last;
    private final String what;

    MacAllocator(String sequence, long base, long last, String what) {
        this.sequence = sequence;
        this.base = base;
        this.last = last;
        this.what = what;
    }

    /** Router MACs: base + n up to the end of the base's last three octets. */
    static MacAllocator routerMacs(InventoryConfig config) {
        long base = config.routerMacBase().value();
        return new MacAllocator("router-mac", base, base | 0xFF_FFFFL, "router MAC");
    }

    MacAddress next(Handle handle, Predicate<MacAddress> taken, String field) {
        while (true) {
            long candidate = base + Store.nextId(handle, sequence);
            if (candidate > last) {
                throw ApiException.conflict(field, "the " + what + " range " + MacAddress.of(base) + "–" + MacAddress.of(last)
                        + " is used up");
            }
            MacAddress mac = MacAddress.of(candidate);
            if (!taken.test(mac)) {
                return mac;
            }
        }
    }
}
