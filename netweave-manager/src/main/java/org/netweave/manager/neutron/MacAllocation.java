package org.netweave.manager.neutron;

import org.jdbi.v3.core.Handle;
import org.netweave.manager.store.Store;
import org.netweave.model.MacAddress;

/**
 * MAC addresses for ports the client gave none: Neutron's {@code base_mac} prefix fa:16:3e and a
 * counter in the store for the low 24 bits, so addresses are unique and a rolled-back write gives
 * its number back; a client's own MAC that another port of the network holds is skipped over.
 */
final class MacAllocation {
    /** neutron.conf {@code base_mac} default; distinct from the DVR MAC base fa:16:3f. */
    static final long BASE = 0xfa163e000000L;

    private MacAllocation() {
    }

    static MacAddress next(Handle handle, NeutronNetworkId network) {
        for (int attempt = 0; attempt < 0x1000000; attempt++) {
            long n = Store.nextId(handle, "neutron-mac");
            MacAddress mac = MacAddress.of(BASE | (n & 0xffffff));
            if (!PortStore.macTaken(handle, network, mac)) {
                return mac;
            }
        }
        throw NeutronException.conflict("MacAddressGenerationFailure", "Unable to generate unique mac on network "
                + network + ".");
    }
}
