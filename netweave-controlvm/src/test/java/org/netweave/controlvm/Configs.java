package org.netweave.controlvm;

import java.util.List;

import org.netweave.model.DlrId;
import org.netweave.proto.controller.v1.Ipv4Prefix;
import org.netweave.proto.controller.v1.Lif;
import org.netweave.proto.manager.v1.ControlVmConfig;
import org.netweave.proto.manager.v1.StaticRoute;

/**
 * The DLR of the integration tests as the manager would describe it: lif-web 10.0.1.1/24 on VNI
 * 5000, lif-app 10.0.2.1/24 on VNI 5001, and a static route 192.168.10.0/24 via 10.0.1.254.
 */
final class Configs {
    static final Lif LIF_WEB = Lif.newBuilder().setLifId("lif-web").setVni(5000).setIp(0x0A000101).setPrefixLength(24)
            .setMac(0x0250_5600_0001L).setMtu(1500).build();
    static final Lif LIF_APP = Lif.newBuilder().setLifId("lif-app").setVni(5001).setIp(0x0A000201).setPrefixLength(24)
            .setMac(0x0250_5600_0002L).setMtu(1500).build();
    static final List<Lif> LIFS = List.of(LIF_WEB, LIF_APP);

    private Configs() {
    }

    static ControlVmConfig.Builder config(DlrId dlr, long generation, List<String> controllers) {
        return ControlVmConfig.newBuilder().setDlrId(dlr.value()).setGeneration(generation).addAllLifs(LIFS)
                .addStaticRoutes(staticRoute(0xC0A80A00, 24, 0x0A0001FE)).addAllControllers(controllers)
                .setPublish(true).setActive(true);
    }

    static StaticRoute staticRoute(int network, int length, int nextHop) {
        return StaticRoute.newBuilder().setPrefix(Ipv4Prefix.newBuilder().setAddress(network).setLength(length))
                .setNextHop(nextHop).build();
    }
}
