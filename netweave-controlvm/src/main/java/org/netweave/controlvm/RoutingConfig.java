package org.netweave.controlvm;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.netweave.model.DlrId;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;
import org.netweave.model.LifId;

/**
 * One generation of a DLR's configuration as the manager sent it (the wire's
 * {@code ControlVmConfig}), in model types.
 *
 * @param defaultGateway the next hop of the default route; empty when the DLR has none
 * @param controllers    gRPC addresses ({@code host:port}) of the controller nodes
 * @param publish        the manager allows pushing: the LIFs exist on the controller cluster
 * @param active         this is the active control VM of its HA pair; only it pushes
 */
public record RoutingConfig(DlrId dlr, long generation, List<LifAddress> lifs, List<StaticRouteConfig> staticRoutes,
        Optional<Ipv4Address> defaultGateway, List<String> controllers, boolean publish, boolean active) {
    public RoutingConfig {
        Objects.requireNonNull(dlr, "dlr");
        lifs = List.copyOf(lifs);
        staticRoutes = List.copyOf(staticRoutes);
        Objects.requireNonNull(defaultGateway, "defaultGateway");
        controllers = List.copyOf(controllers);
        Set<LifId> seen = new HashSet<>();
        for (LifAddress lif : lifs) {
            if (!seen.add(lif.lif())) {
                throw new InvalidValueException("lifId", lif.lif().value(), "appears twice in the configuration of " + dlr);
            }
        }
    }

    /** The forwarding table of this configuration. */
    public ForwardingTableResult forwardingTable() {
        return ForwardingTableBuilder.build(lifs, staticRoutes, defaultGateway);
    }
}
