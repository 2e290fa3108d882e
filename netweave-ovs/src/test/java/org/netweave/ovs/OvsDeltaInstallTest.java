package org.netweave.ovs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.netweave.ovs.SeedFixture.VM1;
import static org.netweave.ovs.SeedFixture.VM3;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.netweave.dataplane.DatapathChange;
import org.netweave.dataplane.DatapathChange.AttachPort;
import org.netweave.dataplane.DatapathChange.DetachPort;
import org.netweave.dataplane.DatapathChange.PutArpEntry;
import org.netweave.dataplane.DatapathChange.RemoveArpEntry;
import org.netweave.dataplane.DatapathChange.RemoveLif;
import org.netweave.dataplane.DatapathChange.RemoveRemoteMac;
import org.netweave.dataplane.VnicPort;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.MacAddress;

/**
 * The delta install against a real Open vSwitch: what the switch reports after each change
 * ({@code ovs-ofctl dump-flows}, read back by stage) differs from before by exactly the flows
 * of the thing that changed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OvsDeltaInstallTest {
    OvsLab lab;
    OvsDatapath host;

    @BeforeAll
    void buildLab() {
        Net.requireOrSkip("OvsDeltaInstallTest", Net.whyLabUnavailable());
        lab = new OvsLab();
        host = lab.addHypervisor(SeedFixture.config(0), 0);
        lab.addVm(VM1);
        host.setPeerRouterMacs(Set.of(SeedFixture.dvrMac(1)));
    }

    /** Every test starts from the full seed state; the puts are idempotent. */
    @BeforeEach
    void applySeedState() {
        host.apply(SeedFixture.changesFor(0));
    }

    @AfterAll
    void tearDown() {
        if (lab != null) {
            lab.close();
        }
    }

    private List<String> switchFlows() {
        List<String> all = new ArrayList<>();
        for (OvsBridge b : OvsBridge.values()) {
            host.dumpFlows(b).forEach(e -> all.add(e.brief()));
        }
        return all;
    }

    private static List<String> minus(List<String> a, List<String> b) {
        List<String> rest = new ArrayList<>(a);
        rest.removeAll(b);
        return rest;
    }

    @Test
    void theSwitchHoldsExactlyTheTranslatedFlowsPerStage() {
        Map<String, Long> translated = FlowTranslator.translate(SeedFixture.stateOfWithPeers(0, Set.of(SeedFixture.dvrMac(1))))
                .stream().collect(Collectors.groupingBy(f -> f.stage().bridge() + " " + f.stage().name(), TreeMap::new,
                        Collectors.counting()));
        Map<String, Long> installed = new TreeMap<>();
        for (OvsBridge b : OvsBridge.values()) {
            host.dumpFlows(b).forEach(e -> installed.merge(b + " " + e.stage().name(), 1L, Long::sum));
        }
        assertThat(installed).isEqualTo(translated);
    }

    @Test
    void removingARemoteMacRemovesExactlyItsUnicastFlow() {
        List<String> before = switchFlows();
        host.apply(new RemoveRemoteMac(SeedFixture.VNI_A, VM3.mac()));
        List<String> after = switchFlows();
        int lvid = LocalVlans.allocate(List.of(SeedFixture.VNI_A, SeedFixture.VNI_B)).of(SeedFixture.VNI_A);
        assertThat(minus(before, after)).containsExactly(
                "br-tun UCAST_TO_TUN priority=2 dl_vlan=" + lvid + ",dl_dst=" + VM3.mac());
        assertThat(minus(after, before)).isEmpty();
    }

    /** Neutron's canary: flows lost behind the datapath's back (a restarted switch) all come back with the next batch. */
    @Test
    void flowsTheSwitchLostAreInstalledAgainWithTheNextBatch() {
        List<String> before = switchFlows();
        for (OvsBridge b : OvsBridge.values()) {
            host.ovs().ofctl(null, "del-flows", b.deviceName()).orThrow();
        }
        assertThat(switchFlows()).isEmpty();

        host.apply(new RemoveRemoteMac(SeedFixture.VNI_A, VM3.mac()));

        List<String> after = switchFlows();
        int lvid = LocalVlans.allocate(List.of(SeedFixture.VNI_A, SeedFixture.VNI_B)).of(SeedFixture.VNI_A);
        assertThat(minus(before, after)).containsExactly(
                "br-tun UCAST_TO_TUN priority=2 dl_vlan=" + lvid + ",dl_dst=" + VM3.mac());
        assertThat(minus(after, before)).isEmpty();
    }

    @Test
    void removingALifRemovesItsDvrFlowsItsPortAndItsDevice() {
        List<String> before = switchFlows();
        host.apply(new RemoveLif(SeedFixture.DLR, SeedFixture.LIF_B.id()));
        List<String> after = switchFlows();
        int lvid = LocalVlans.allocate(List.of(SeedFixture.VNI_A, SeedFixture.VNI_B)).of(SeedFixture.VNI_B);
        String dvrMac = SeedFixture.dvrMac(0).toString();
        String vmac = SeedFixture.VMAC.toString();
        assertThat(minus(before, after)).containsExactlyInAnyOrder(
                "br-int ARP_DVR_MAC_TO_DST_MAC priority=5 dl_vlan=" + lvid + ",dl_dst=" + dvrMac,
                "br-tun DVR_PROCESS priority=2 dl_vlan=" + lvid + ",dl_dst=" + vmac,
                "br-tun DVR_PROCESS priority=1 dl_vlan=" + lvid + ",dl_src=" + vmac,
                "br-tun FLOOD_TO_TUN priority=3 arp,dl_vlan=" + lvid + ",arp_tpa=" + SeedFixture.LIF_B.address().address()
                        + ",arp_op=1");
        assertThat(minus(after, before)).isEmpty();
        String qr = OvsNames.qrDevice(SeedFixture.DLR, SeedFixture.LIF_B.id());
        assertThat(host.ovs().vsctl("list-ports", "br-int").orThrow().output().lines()).doesNotContain(qr)
                .contains(OvsNames.qrDevice(SeedFixture.DLR, SeedFixture.LIF_A.id()));
        String qrouter = OvsNames.qrouterNamespace(lab.prefix + "hv0-", SeedFixture.DLR);
        String links = Net.must(Net.inNetns(qrouter, "ip", "-o", "link", "show"));
        assertThat(links).doesNotContain(qr + "@").contains(OvsNames.qrDevice(SeedFixture.DLR, SeedFixture.LIF_A.id()) + "@");
    }

    /**
     * Nova binds a VM to the host before it plugs the VM's device: the port waits, everything
     * else in the batch is installed meanwhile, and the same batch again attaches the port once
     * the device is there.
     */
    @Test
    void aVnicWaitsForItsDeviceWithoutHoldingUpTheRestOfTheBatch() {
        List<String> before = switchFlows();
        SeedFixture.Vm late = new SeedFixture.Vm("late", 0, SeedFixture.VNI_A, MacAddress.parse("fa:16:3e:00:0f:0f"),
                Ipv4InterfaceAddress.parse("10.0.1.99/24"), SeedFixture.VM1.gateway());
        String tap = OvsNames.vnicDevice(late.port().id());
        int lvid = LocalVlans.allocate(List.of(SeedFixture.VNI_A, SeedFixture.VNI_B)).of(SeedFixture.VNI_A);
        Ipv4Address other = Ipv4Address.parse("10.0.1.98");
        MacAddress otherMac = MacAddress.parse("fa:16:3e:00:0f:0e");
        List<DatapathChange> batch = List.of(new AttachPort(late.port()), new PutArpEntry(SeedFixture.VNI_A, other, otherMac));
        try {
            assertThatThrownBy(() -> host.apply(batch)).isInstanceOf(VnicDeviceMissingException.class)
                    .hasMessageContaining(tap).satisfies(e -> assertThat(((VnicDeviceMissingException) e).waiting())
                            .containsExactly(late.port().id()));
            assertThat(minus(switchFlows(), before)).as("the ARP entry is in, the waiting port is not").containsExactly(
                    "br-tun ARP_RESPONDER priority=1 arp,dl_vlan=" + lvid + ",arp_tpa=" + other);
            assertThat(host.ovs().vsctl("list-ports", "br-int").orThrow().output().lines()).doesNotContain(tap);
            assertThat(host.tables().ports()).extracting(VnicPort::id).doesNotContain(late.port().id());

            lab.addVm(late);
            host.apply(batch);

            assertThat(host.ovs().vsctl("list-ports", "br-int").orThrow().output().lines()).contains(tap);
            String in = "in_port=" + tap;
            String ip = late.address().address().toString();
            String untagged = "vlan_tci=0x0000/0x1000";
            assertThat(minus(switchFlows(), before)).containsExactlyInAnyOrder(
                    "br-tun ARP_RESPONDER priority=1 arp,dl_vlan=" + lvid + ",arp_tpa=" + other,
                    "br-int TRANSIENT priority=20 dl_vlan=" + lvid + ",dl_dst=" + late.mac(),
                    "br-int DVR_TO_SRC_MAC priority=20 dl_vlan=" + lvid + ",dl_dst=" + late.mac(),
                    // The port's SpoofGuard, as the switch spells the matches.
                    "br-int LOCAL_SWITCHING priority=120 " + in + ",vlan_tci=0x1000/0x1000",
                    "br-int LOCAL_SWITCHING priority=110 arp," + in,
                    "br-int LOCAL_SWITCHING priority=100 " + in,
                    "br-int ARP_SPOOF priority=2 arp," + in + ",arp_spa=0.0.0.0,arp_sha=" + late.mac(),
                    "br-int ARP_SPOOF priority=2 arp," + in + ",arp_spa=" + ip + ",arp_sha=" + late.mac(),
                    "br-int ARP_SPOOF priority=1 arp," + in + ",arp_sha=" + late.mac(),
                    "br-int MAC_SPOOF priority=3 ip," + in + "," + untagged + ",dl_src=" + late.mac() + ",nw_src=" + ip,
                    "br-int MAC_SPOOF priority=3 udp," + in + "," + untagged + ",dl_src=" + late.mac()
                            + ",nw_src=0.0.0.0,tp_src=68,tp_dst=67",
                    "br-int MAC_SPOOF priority=2 ip," + in + ",dl_src=" + late.mac(),
                    "br-int MAC_SPOOF priority=1 " + in + "," + untagged + ",dl_src=" + late.mac());
            assertThat(host.tables().ports()).extracting(VnicPort::id).contains(late.port().id());
        } finally {
            host.apply(List.of(new DetachPort(late.port().id()), new RemoveArpEntry(SeedFixture.VNI_A, other)));
            lab.removeVm(late.name());
        }
        assertThat(switchFlows()).containsExactlyInAnyOrderElementsOf(before);
    }
}
