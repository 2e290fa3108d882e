package org.netweave.manager.southbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;
import org.netweave.proto.controller.v1.HostPlacement;
import org.netweave.proto.controller.v1.PlacedPort;
import org.netweave.proto.manager.v1.HostConfig;
import org.netweave.proto.manager.v1.LogicalSwitchConfig;
import org.netweave.proto.manager.v1.VnicConfig;

class VniPlacementsTest {
    private static final MacAddress VM1 = MacAddress.parse("00:50:56:00:00:01");
    private static final MacAddress VM2 = MacAddress.parse("00:50:56:00:00:02");
    private static final Ipv4Address IP1 = Ipv4Address.parse("10.0.1.11");

    private static VnicConfig vnic(String vm, MacAddress mac, Ipv4Address ip, int vni) {
        VnicConfig.Builder vnic = VnicConfig.newBuilder().setVmId(vm).setMac(mac.value()).setVni(vni).setConnected(true);
        if (ip != null) {
            vnic.setIp(ip.value());
        }
        return vnic.build();
    }

    private static HostConfig config(List<Integer> spanned, VnicConfig... vnics) {
        HostConfig.Builder config = HostConfig.newBuilder().setHostId("host-1");
        spanned.forEach(vni -> config.addLogicalSwitches(LogicalSwitchConfig.newBuilder().setVni(vni).setName("ls-" + vni)));
        config.addAllVnics(List.of(vnics));
        return config.build();
    }

    @Test
    void aHostHoldsEverySpannedVniAndItsVnicsWhereTheyAttach() {
        var held = VniPlacements.holdings(config(List.of(5000, 5001), vnic("vm-1", VM1, IP1, 5000),
                VnicConfig.newBuilder().setVmId("vm-2").setMac(VM2.value()).build()));
        assertThat(held).containsOnlyKeys(Vni.of(5000), Vni.of(5001));
        assertThat(held.get(Vni.of(5000))).extracting(VnicConfig::getVmId).containsExactly("vm-1");
        assertThat(held.get(Vni.of(5001))).as("spanned, nothing attached").isEmpty();
    }

    @Test
    void theChangedVnisAreThoseWhoseHoldingsDiffer() {
        var before = VniPlacements.holdings(config(List.of(5000, 5001), vnic("vm-1", VM1, IP1, 5000)));
        var moved = VniPlacements.holdings(config(List.of(5001, 5002), vnic("vm-1", VM1, IP1, 5001)));
        assertThat(VniPlacements.changed(before, moved)).containsExactlyInAnyOrder(Vni.of(5000), Vni.of(5001), Vni.of(5002));
        assertThat(VniPlacements.changed(before, before)).isEmpty();
    }

    @Test
    void thePlacementListsHostsSortedWithTheirPortsAndMarksBridgeHosts() {
        var placement = VniPlacements.of(Map.of(HostId.of("host-2"), List.of(vnic("vm-2", VM2, null, 5000)),
                HostId.of("host-1"), List.of(vnic("vm-1", VM1, IP1, 5000))), Set.of(HostId.of("host-2"), HostId.of("host-9")));
        assertThat(placement.getHostsList()).containsExactly(
                HostPlacement.newBuilder().setHostId("host-1")
                        .addPorts(PlacedPort.newBuilder().setMac(VM1.value()).addIps(IP1.value())).build(),
                HostPlacement.newBuilder().setHostId("host-2").setBridge(true)
                        .addPorts(PlacedPort.newBuilder().setMac(VM2.value())).build(),
                HostPlacement.newBuilder().setHostId("host-9").setBridge(true).build());
    }
}
