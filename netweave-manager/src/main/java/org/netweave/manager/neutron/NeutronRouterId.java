package org.netweave.manager.neutron;

import java.util.Objects;

/** A Neutron router's id: a UUID the manager made, or (in a request) whatever the client sent, looked up as is. */
public record NeutronRouterId(String value) {
    public NeutronRouterId {
        Objects.requireNonNull(value, "value");
    }

    static NeutronRouterId fresh() {
        return new NeutronRouterId(NeutronIds.fresh());
    }

    @Override
    public String toString() {
        return value;
    }
}
