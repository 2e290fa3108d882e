package org.netweave.manager.neutron;

import java.util.Objects;

/** A Neutron port's id: a UUID the manager made, or (in a request) whatever the client sent, looked up as is. */
public record NeutronPortId(String value) {
    public NeutronPortId {
        Objects.requireNonNull(value, "value");
    }

    static NeutronPortId fresh() {
        return new NeutronPortId(NeutronIds.fresh());
    }

    @Override
    public String toString() {
        return value;
    }
}
