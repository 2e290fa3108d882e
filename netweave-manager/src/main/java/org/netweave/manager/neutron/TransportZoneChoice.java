package org.netweave.manager.neutron;

import java.util.List;
import java.util.Optional;

import org.netweave.model.TransportZoneId;

/**
 * Which transport zone a Neutron network's logical switch goes into. Neutron has no zones: the
 * manager's setting names one, else the only zone there is; anything else is a 409 that says what
 * to do, because guessing would put networks where the operator did not mean them. Pure.
 */
final class TransportZoneChoice {
    private TransportZoneChoice() {
    }

    static TransportZoneId choose(Optional<TransportZoneId> configured, List<TransportZoneId> zones) {
        if (configured.isPresent()) {
            if (!zones.contains(configured.get())) {
                throw NeutronException.conflict("TransportZoneNotFound", "The transport zone " + configured.get()
                        + " that the manager's neutronTransportZone setting names does not exist; create it through"
                        + " /api/v1/transport-zones");
            }
            return configured.get();
        }
        if (zones.isEmpty()) {
            throw NeutronException.conflict("NoTransportZone", "There is no transport zone for the network's logical"
                    + " switch; create one through /api/v1/transport-zones");
        }
        if (zones.size() > 1) {
            throw NeutronException.conflict("AmbiguousTransportZone", "There are " + zones.size() + " transport zones ("
                    + zones.stream().map(TransportZoneId::value).toList() + ") and the manager's neutronTransportZone"
                    + " setting names none of them; set it to the zone for Neutron networks");
        }
        return zones.getFirst();
    }
}
