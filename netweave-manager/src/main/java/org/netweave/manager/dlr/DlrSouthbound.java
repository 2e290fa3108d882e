package org.netweave.manager.dlr;

import java.util.List;

import org.netweave.model.Ipv4Prefix;
import org.netweave.proto.controller.v1.Lif;
import org.netweave.proto.controller.v1.WriteResult;
import org.netweave.proto.manager.v1.ControlVmConfig;
import org.netweave.proto.manager.v1.StaticRoute;

/** Translations of a DLR's desired configuration into the messages for controllers and control VMs. */
final class DlrSouthbound {
    private DlrSouthbound() {
    }

    static Lif lif(DlrConfig.Interface lif) {
        Lif.Builder built = Lif.newBuilder().setLifId(lif.lifId()).setIp(lif.ip().value())
                .setPrefixLength(lif.prefixLength()).setMac(lif.mac().value()).setMtu(lif.mtu()).setUplink(lif.uplink());
        lif.vni().ifPresent(vni -> built.setVni(vni.value()));
        lif.vlan().ifPresent(built::setVlan);
        return built.build();
    }

    static ControlVmConfig controlVmConfig(DlrConfig dlr, List<String> controllers, boolean publish, boolean active) {
        ControlVmConfig.Builder config = ControlVmConfig.newBuilder().setDlrId(dlr.id().value())
                .setGeneration(dlr.generation()).addAllControllers(controllers).setPublish(publish).setActive(active);
        dlr.interfaces().forEach(lif -> config.addLifs(lif(lif)));
        for (DlrConfig.StaticRoute route : dlr.routes()) {
            if (route.network().equals(Ipv4Prefix.DEFAULT_ROUTE)) {
                config.setDefaultGateway(route.nextHop().value());
            } else {
                config.addStaticRoutes(StaticRoute.newBuilder()
                        .setPrefix(org.netweave.proto.controller.v1.Ipv4Prefix.newBuilder()
                                .setAddress(route.network().address().value()).setLength(route.network().length()))
                        .setNextHop(route.nextHop().value()).setAdminDistance(route.adminDistance()));
            }
        }
        return config.build();
    }

    /** Throws unless the controller applied the write; NOT_FOUND counts as done for deletes. */
    static WriteResult require(String what, WriteResult result, boolean notFoundIsDone) {
        if (result.hasApplied()) {
            return result;
        }
        if (notFoundIsDone && result.hasRefused()
                && result.getRefused().getReason() == org.netweave.proto.controller.v1.Refused.Reason.NOT_FOUND) {
            return result;
        }
        throw new IllegalStateException("the controller cluster did not " + what + ": "
                + (result.hasRefused() ? result.getRefused().getReason() + " " + result.getRefused().getDetail() : result));
    }

}
