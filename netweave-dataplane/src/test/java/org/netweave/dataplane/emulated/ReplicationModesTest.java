package org.netweave.dataplane.emulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.netweave.dataplane.LogicalSwitchSpec;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.MacAddress;
import org.netweave.model.ReplicationMode;
import org.netweave.model.Vni;

/**
 * BUM replication over real UDP: six hosts in two VTEP segments, a VM on each, and VM a1 sends
 * one broadcast (an ARP request nobody can answer). Each mode must send exactly the copies NSX's
 * mode defines, and every other VM must see the broadcast exactly once.
 */
class ReplicationModesTest {
    static final Vni VNI = Vni.of(5100);
    static final Ipv4Prefix SEGMENT_A = Ipv4Prefix.parse("127.0.11.0/24");
    static final Ipv4Prefix SEGMENT_B = Ipv4Prefix.parse("127.0.12.0/24");

    EmulatedLab lab;
    final List<EmulatedHost> hosts = new ArrayList<>();
    final List<EmulatedEndpoint> vms = new ArrayList<>();

    @BeforeEach
    void sixHostsInTwoSegments() {
        lab = new EmulatedLab(false);
        for (int i = 1; i <= 3; i++) {
            hosts.add(lab.addHost("a" + i, Ipv4Address.parse("127.0.11." + i), SEGMENT_A, 4789));
        }
        for (int i = 1; i <= 3; i++) {
            hosts.add(lab.addHost("b" + i, Ipv4Address.parse("127.0.12." + i), SEGMENT_B, 4789));
        }
    }

    @AfterEach
    void tearDown() {
        lab.close();
    }

    @ParameterizedTest
    @EnumSource(ReplicationMode.class)
    void oneBroadcastReachesEveryVmOnceWithTheModesCopies(ReplicationMode mode) throws Exception {
        Ipv4Address group = mode == ReplicationMode.UNICAST ? null : Ipv4Address.parse("239.1.1.1");
        lab.addLogicalSwitch(new LogicalSwitchSpec(VNI, mode, group));
        for (int i = 0; i < hosts.size(); i++) {
            vms.add(lab.addVm("vm" + i, hosts.get(i), VNI, MacAddress.of(0x0050_5600_6400L + i),
                    Ipv4InterfaceAddress.parse("10.1.0." + (10 + i) + "/24"), null));
        }

        vms.getFirst().ping(Ipv4Address.parse("10.1.0.99"), 1, 0, 100).get(5, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(5)).until(() -> vms.stream().skip(1).allMatch(vm -> vm.framesReceived() >= 1));
        int proxy = 3 + Math.floorMod(VNI.value(), 3); // b1..b3 in address order
        List<Long> sent = hosts.stream().map(h -> h.counters().vxlanSent()).toList();
        List<Long> received = hosts.stream().map(h -> h.counters().vxlanReceived()).toList();
        switch (mode) {
            case UNICAST -> {
                // a1: a2, a3 directly + one UTEP copy to segment B; the UTEP copies to its two neighbours.
                assertThat(sent).isEqualTo(expected(3, proxy, 2));
            }
            case HYBRID -> {
                // a1: one L2 multicast on segment A + one MTEP copy; the MTEP: one L2 multicast on B.
                assertThat(sent).isEqualTo(expected(2, proxy, 1));
            }
            case MULTICAST -> assertThat(sent).isEqualTo(expected(1, proxy, 0));
        }
        assertThat(received).as("every other host took exactly one copy").isEqualTo(List.of(0L, 1L, 1L, 1L, 1L, 1L));
        assertThat(vms.stream().skip(1).map(EmulatedEndpoint::framesReceived).toList()).containsOnly(1L);
        assertThat(hosts.getFirst().counters().arpFlooded()).isEqualTo(1);
    }

    private static List<Long> expected(long fromSender, int proxy, long fromProxy) {
        List<Long> sent = new ArrayList<>(List.of(fromSender, 0L, 0L, 0L, 0L, 0L));
        sent.set(proxy, fromProxy);
        return sent;
    }
}
