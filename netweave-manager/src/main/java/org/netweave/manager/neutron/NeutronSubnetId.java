package org.netweave.manager.neutron;

import java.util.Objects;

/** A Neutron subnet's id: a UUID the manager made, or (in a request) whatever the client sent, looked up as is. */
public record NeutronSubnetId(String value) {
    public NeutronSubnetId {
        Objects.requireNonNull(value, "value");
    }

    static NeutronSubnetId fresh() {
        return new NeutronSubnetId(NeutronIds.fresh());
    }

    @Override
    public String toString() {
        return value;
    }
}
