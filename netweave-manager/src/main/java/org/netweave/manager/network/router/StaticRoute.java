package org.netweave.manager.network.router;

import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;

/**
 * A static route of a DLR; the default route is the one to 0.0.0.0/0.
 *
 * @param description free text, or null
 */
public record StaticRoute(Ipv4Prefix network, Ipv4Address nextHop, int adminDistance, String description) {
    public static final int DEFAULT_ADMIN_DISTANCE = 1;

    public boolean isDefault() {
        return network.length() == 0;
    }
}
