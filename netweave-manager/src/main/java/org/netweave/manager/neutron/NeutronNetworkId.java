package org.netweave.manager.neutron;

import java.util.Objects;

/** A Neutron network's id: a UUID the manager made, or (in a request) whatever the client sent, looked up as is. */
public record NeutronNetworkId(String value) {
    public NeutronNetworkId {
        Objects.requireNonNull(value, "value");
    }

    static NeutronNetworkId fresh() {
        return new NeutronNetworkId(NeutronIds.fresh());
    }

    @Override
    public String toString() {
        return value;
    }
}
