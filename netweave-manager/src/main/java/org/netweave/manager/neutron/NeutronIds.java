package org.netweave.manager.neutron;

import java.util.UUID;

/**
 * Neutron's ids are UUIDs the server makes. An id in a request path is looked up as given: an
 * unknown or malformed one is a 404, never a 400, because clients ask {@code GET /networks/net1}
 * first and fall back to {@code ?name=net1} only on a 404.
 */
final class NeutronIds {
    private NeutronIds() {
    }

    static String fresh() {
        return UUID.randomUUID().toString();
    }
}
