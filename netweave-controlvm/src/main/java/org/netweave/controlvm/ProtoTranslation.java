package org.netweave.controlvm;

import java.util.List;
import java.util.Optional;

import org.netweave.model.DlrId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.LifId;
import org.netweave.proto.controller.v1.Lif;
import org.netweave.proto.controller.v1.Route;
import org.netweave.proto.manager.v1.ControlVmConfig;
import org.netweave.proto.manager.v1.ControlVmStatus;
import org.netweave.proto.manager.v1.StaticRoute;

/**
 * Pure translations between the wire (protobuf) and the control VM's model records. Decoding
 * validates through the model types, so a malformed configuration fails with an
 * {@link org.netweave.model.InvalidValueException} naming the field.
 */
public final class ProtoTranslation {
    private ProtoTranslation() {
    }

    public static RoutingConfig config(ControlVmConfig config) {
        return new RoutingConfig(DlrId.of(config.getDlrId()), config.getGeneration(),
                config.getLifsList().stream().map(ProtoTranslation::lif).toList(),
                config.getStaticRoutesList().stream().map(ProtoTranslation::staticRoute).toList(),
                config.getDefaultGateway() == 0 ? Optional.empty() : Optional.of(Ipv4Address.of(config.getDefaultGateway())),
                config.getControllersList(), config.getPublish(), config.getActive());
    }

    public static LifAddress lif(Lif lif) {
        return new LifAddress(LifId.of(lif.getLifId()),
                new Ipv4InterfaceAddress(Ipv4Address.of(lif.getIp()), lif.getPrefixLength()));
    }

    /** proto3 cannot tell an unset admin distance from 0, and 0 is the connected routes' own: unset means the default. */
    public static StaticRouteConfig staticRoute(StaticRoute route) {
        int distance = route.getAdminDistance() == 0 ? StaticRouteConfig.DEFAULT_DISTANCE : route.getAdminDistance();
        return new StaticRouteConfig(prefix(route.getPrefix()), Ipv4Address.of(route.getNextHop()), distance);
    }

    public static Ipv4Prefix prefix(org.netweave.proto.controller.v1.Ipv4Prefix prefix) {
        return new Ipv4Prefix(Ipv4Address.of(prefix.getAddress()), prefix.getLength());
    }

    public static org.netweave.proto.controller.v1.Ipv4Prefix toWire(Ipv4Prefix prefix) {
        return org.netweave.proto.controller.v1.Ipv4Prefix.newBuilder().setAddress(prefix.address().value())
                .setLength(prefix.length()).build();
    }

    public static Route toWire(ForwardingRoute route) {
        return Route.newBuilder().setPrefix(toWire(route.prefix())).setNextHop(route.nextHop().value())
                .setLifId(route.lif().value()).build();
    }

    public static List<Route> toWire(List<ForwardingRoute> routes) {
        return routes.stream().map(ProtoTranslation::toWire).toList();
    }

    public static ForwardingRoute route(Route route) {
        return new ForwardingRoute(prefix(route.getPrefix()), Ipv4Address.of(route.getNextHop()),
                LifId.of(route.getLifId()));
    }

    /**
     * @param publishedGeneration the generation whose table the controller applied, 0 until one was
     * @param routeCount          the number of routes of that table
     * @param error               empty when there is nothing to say
     */
    public static ControlVmStatus status(String vmId, DlrId dlr, long configGeneration, long publishedGeneration,
            int routeCount, String error) {
        return status(vmId, dlr, configGeneration, publishedGeneration, routeCount, error, true, 0);
    }

    /** The same, with the control VM's HA role. */
    public static ControlVmStatus status(String vmId, DlrId dlr, long configGeneration, long publishedGeneration,
            int routeCount, String error, boolean active, long haTerm) {
        return ControlVmStatus.newBuilder().setVmId(vmId).setDlrId(dlr.value()).setConfigGeneration(configGeneration)
                .setPublishedGeneration(publishedGeneration).setRouteCount(routeCount).setError(error)
                .setActive(active).setHaTerm(haTerm).build();
    }
}
