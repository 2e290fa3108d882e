package org.netweave.ovs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.netweave.ovs.SeedFixture.BRIDGE;
import static org.netweave.ovs.SeedFixture.SERVER;
import static org.netweave.ovs.SeedFixture.SERVER_MAC;
import static org.netweave.ovs.SeedFixture.VM1;
import static org.netweave.ovs.SeedFixture.VM2;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.netweave.dataplane.Bridge;
import org.netweave.dataplane.DatapathChange.PutBridge;
import org.netweave.model.BridgeId;
import org.netweave.model.VlanId;
import org.netweave.model.InvalidValueException;

/**
 * Seed 004 on real Open vSwitch: host B bridges VNI 5001 to VLAN 100, where a physical server
 * (10.0.2.100) sits behind the underlay switch. vm2 (host B, 10.0.2.10) reaches it at layer 2
 * through the patch pair; vm1 (host A, 10.0.1.10) reaches it routed by host A's router, then
 * tunnelled to host B and bridged — including the ARP exchange of host A's router with the server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OvsBridgingTest {
    OvsLab lab;

    @BeforeAll
    void buildLab() {
        Net.requireOrSkip("OvsBridgingTest", Net.whyLabUnavailable());
        lab = OvsLab.seed(List.of(VM1, VM2));
        lab.addVlanServer("server", SERVER_MAC, SERVER, SeedFixture.LIF_B.address().address(), BRIDGE.vlan().value());
        lab.host(1).apply(new PutBridge(BRIDGE));
    }

    @AfterAll
    void tearDown() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void aVmOnTheBridgedSegmentReachesTheVlanServerAtLayerTwo() {
        Exec.Result ping = lab.ping(VM2.name(), SERVER.address().toString());
        assertThat(ping.output()).as(ping.output()).contains("3 received").contains("ttl=64");
        assertThat(lab.neighbour(VM2.name(), SERVER.address().toString())).contains(SERVER_MAC.toString());
    }

    @Test
    void aVmOnAnotherSubnetOnAnotherHostReachesTheVlanServerRoutedThenBridged() {
        Exec.Result ping = lab.ping(VM1.name(), SERVER.address().toString());
        assertThat(ping.output()).as(ping.output()).contains("3 received").contains("ttl=63");
        // The server resolved its gateway to the shared gateway MAC, which the bridge host's own
        // router answers for: the replies are routed there.
        String gateway = Net.run(Net.inNetns(lab.vmNamespace("server"), "ip", "neigh", "show", "10.0.2.1")).output();
        assertThat(gateway).contains(SeedFixture.VMAC.toString());
    }

    @Test
    void theBridgeIsAPatchPairWhoseAccessTagsTranslateTheVlans() {
        int lvid = LocalVlans.allocate(List.of(SeedFixture.VNI_A, SeedFixture.VNI_B)).of(SeedFixture.VNI_B);
        OvsSwitch ovs = lab.host(1).ovs();
        assertThat(ovs.vsctl("get", "port", "int-vlan100", "tag").orThrow().output().strip()).isEqualTo(String.valueOf(lvid));
        assertThat(ovs.vsctl("get", "port", "phy-vlan100", "tag").orThrow().output().strip()).isEqualTo("100");
        assertThat(ovs.vsctl("list-ports", "br-phy").orThrow().output().lines()).contains("phy-vlan100");
        assertThat(lab.host(1).tables().bridges()).containsExactly(BRIDGE);
        assertThat(lab.host(0).ovs().vsctl("list-ports", "br-phy").orThrow().output().lines())
                .as("only the bridge host joins the VLAN").doesNotContain("phy-vlan100");
    }

    @Test
    void aSecondBridgeOfTheSameVniIsRefusedAndChangesNothing() {
        List<String> before = intFlows();
        Bridge second = new Bridge(BridgeId.of("br-other"), BRIDGE.vni(), VlanId.of(200));
        assertThatThrownBy(() -> lab.host(1).apply(new PutBridge(second)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("already bridged by br-app");
        assertThat(intFlows()).isEqualTo(before);
        assertThat(lab.host(1).ovs().vsctl("list-ports", "br-phy").orThrow().output().lines()).doesNotContain("phy-vlan200");
    }

    private List<String> intFlows() {
        return lab.host(1).dumpFlows(OvsBridge.INT).stream().map(FlowDump.Entry::brief).sorted().toList();
    }
}
