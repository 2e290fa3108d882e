package org.netweave.manager.dlr;

import java.util.List;

import org.netweave.manager.network.router.DlrConfig;
import org.netweave.manager.network.router.LifType;
import org.netweave.manager.southbound.ControlVmService;
import org.netweave.proto.controller.v1.Lif;
import org.netweave.proto.controller.v1.WriteResult;
import org.netweave.proto.manager.v1.ControlVmConfig;
import org.netweave.proto.manager.v1.StaticRoute;

/** Translations of a DLR's desired configuration into the messages for controllers and control VMs. */
final class DlrSouthbound {
    private DlrSouthbound() {
    }

    /** The id controllers and hosts know a LIF by. */
    static String lifId(org.netweave.manager.network.router.Lif lif) {
        return "lif-" + lif.index();
    }

    static Lif lif(org.netweave.manager.network.router.Lif lif) {
        Lif.Builder built = Lif.newBuilder().setLifId(lifId(lif)).setIp(lif.address().address().value())
                .setPrefixLength(lif.address().prefixLength()).setMac(lif.mac().value()).setMtu(lif.mtu())
                .setUplink(lif.type() == LifType.UPLINK);
        if (lif.vni() != null) {
            built.setVni(lif.vni().value());
        } else {
            built.setVlan(lif.vlan().value());
        }
        return built.build();
    }

    /**
     * The configuration for control VM {@code index} of the DLR's control VMs: the first starts
     * active; in an HA pair each is given the other's heartbeat address.
     */
    static ControlVmConfig controlVmConfig(DlrConfig dlr, List<String> controllers, boolean publish, int index,
                                           List<org.netweave.model.VmId> vms, ControlVmService controlVms, ControlVmHaTiming ha) {
        // A control VM that restarts starts in the role its VM last reported (the manager's view of
        // who is active), not by its place in the list, so it does not come back active beside the
        // one that took over.
        boolean active = vms.size() < 2 ? index == 0
                : controlVms.active(vms).map(vms.get(index)::equals).orElse(index == 0);
        ControlVmConfig config = controlVmConfig(dlr, controllers, publish, active);
        if (vms.size() < 2) {
            return config;
        }
        String peer = controlVms.haAddress(vms.get(1 - index)).orElse("");
        return config.toBuilder().setPeerHaAddress(peer).setPeerVmId(vms.get(1 - index).value())
                .setHeartbeatIntervalMs((int) ha.heartbeat().toMillis())
                .setDeadTimeMs((int) ha.deadTime().toMillis()).build();
    }

    static ControlVmConfig controlVmConfig(DlrConfig dlr, List<String> controllers, boolean publish, boolean active) {
        ControlVmConfig.Builder config = ControlVmConfig.newBuilder().setDlrId(dlr.id().value())
                .setGeneration(dlr.generation()).addAllControllers(controllers).setPublish(publish).setActive(active);
        dlr.lifs().forEach(lif -> config.addLifs(lif(lif)));
        for (var route : dlr.staticRoutes()) {
            config.addStaticRoutes(StaticRoute.newBuilder()
                    .setPrefix(org.netweave.proto.controller.v1.Ipv4Prefix.newBuilder()
                            .setAddress(route.network().address().value()).setLength(route.network().length()))
                    .setNextHop(route.nextHop().value()).setAdminDistance(route.adminDistance()));
        }
        if (dlr.defaultRoute() != null) {
            config.setDefaultGateway(dlr.defaultRoute().nextHop().value());
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
