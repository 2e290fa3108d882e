package org.netweave.ovs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netweave.ovs.SeedFixture.VM1;
import static org.netweave.ovs.SeedFixture.VM2;
import static org.netweave.ovs.SeedFixture.VM3;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Seed 001 on real Open vSwitch: two hypervisors, each with its own OVS and a copy of DLR edge-1.
 * vm1 (host A, 10.0.1.10) pings vm2 (host B, 10.0.2.10) through the distributed router — routed
 * on host A, delivered over VXLAN — and vm3 (host B, 10.0.1.20) on its own segment. On the
 * underlay the routed frame carries host A's DVR MAC, never the shared gateway MAC.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OvsRoutedPingTest {
    OvsLab lab;
    OvsDatapath[] hosts = new OvsDatapath[2];

    @BeforeAll
    void buildLab() {
        Net.requireOrSkip("OvsRoutedPingTest", Net.whyLabUnavailable());
        Net.requireOrSkip("OvsRoutedPingTest", UnderlayCapture.whyUnavailable());
        lab = OvsLab.seed(SeedFixture.VMS);
        hosts[0] = lab.host(0);
        hosts[1] = lab.host(1);
    }

    @AfterAll
    void tearDown() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void vmsOnDifferentSubnetsOnDifferentHostsPingThroughTheDistributedRouter() {
        Exec.Result ping = lab.ping(VM1.name(), VM2.address().address().toString());
        assertThat(ping.output()).as(ping.output()).contains("3 received");
        assertThat(ping.output()).as("one routed hop each way: vm2's TTL 64 arrives as 63").contains("ttl=63");
    }

    @Test
    void vmsOnOneSegmentOnDifferentHostsPingAtLayerTwo() {
        Exec.Result ping = lab.ping(VM1.name(), VM3.address().address().toString());
        assertThat(ping.output()).as(ping.output()).contains("3 received");
        assertThat(ping.output()).as("not routed: TTL stays 64").contains("ttl=64");
    }

    @Test
    void routedFramesLeaveEachHostWithThatHostsDvrMacAndTheDestinationVni() throws Exception {
        List<String> requests;
        List<String> replies;
        List<String> arps;
        String[] fields = {"vxlan.vni", "eth.src", "eth.dst", "ip.src", "ip.ttl"};
        // vm1 must resolve its gateway again: the DVR ARP block keeps that request on host A.
        lab.flushNeighbours(VM1.name());
        try (UnderlayCapture capture = UnderlayCapture.start(lab.underlay, "ul0", lab.dir())) {
            Exec.Result ping = lab.ping(VM1.name(), VM2.address().address().toString());
            assertThat(ping.output()).as(ping.output()).contains("3 received");
            requests = capture.awaitFields(3, "vxlan && icmp.type == 8", fields);
            replies = capture.fields("vxlan && icmp.type == 0", fields);
            arps = capture.fields("vxlan && arp", "vxlan.vni", "arp.dst.proto_ipv4");
        }
        assertThat(arps).as("ARP inside VXLAN (the gateway is answered on each host)").isEmpty();
        assertThat(lab.neighbour(VM1.name(), VM1.gateway().toString())).contains(SeedFixture.VMAC.toString());
        // The request is routed on host A: VNI 5001 (vm2's segment), host A's DVR MAC as inner
        // source, vm2's MAC as inner destination, and the TTL already decremented.
        assertThat(requests).as("echo requests inside VXLAN").hasSize(3).allSatisfy(line -> assertThat(inner(line))
                .containsExactly("5001", SeedFixture.dvrMac(0).toString(), VM2.mac().toString(),
                        VM1.address().address().toString(), "63"));
        // The reply is routed on host B, so it leaves with host B's DVR MAC on VNI 5000.
        assertThat(replies).as("echo replies inside VXLAN").hasSize(3).allSatisfy(line -> assertThat(inner(line))
                .containsExactly("5000", SeedFixture.dvrMac(1).toString(), VM1.mac().toString(),
                        VM2.address().address().toString(), "63"));
        // And the outer header is VTEP to VTEP.
        assertThat(requests.getFirst()).contains(SeedFixture.vtep(0) + UnderlayCapture.OCCURRENCES + VM1.address().address());
    }

    @Test
    void aRoutedFrameFromAnotherHostReachesTheVmWithTheGatewayMacAsSource() throws Exception {
        List<String> delivered;
        try (UnderlayCapture capture = UnderlayCapture.start(lab.vmNamespace(VM2.name()), "eth0", lab.dir())) {
            Exec.Result ping = lab.ping(VM1.name(), VM2.address().address().toString());
            assertThat(ping.output()).as(ping.output()).contains("3 received");
            delivered = capture.awaitFields(3, "icmp.type == 8", "eth.src", "eth.dst", "ip.src");
        }
        // Host B's DVR_TO_SRC_MAC: the frame arrived with host A's DVR MAC and leaves br-int as
        // if host B's own router had routed it, so vm2 only ever sees its gateway's MAC.
        assertThat(delivered).hasSize(3).allSatisfy(line -> assertThat(line).isEqualTo(
                SeedFixture.VMAC + "," + VM2.mac() + "," + VM1.address().address()));
    }

    /** The inner (last) occurrence of each field of a capture line. */
    private static List<String> inner(String line) {
        return Arrays.stream(line.split(",", -1))
                .map(f -> f.substring(f.lastIndexOf(UnderlayCapture.OCCURRENCES) + 1)).toList();
    }

    @Test
    void arpForARemoteVmIsAnsweredOnTheHostAndNeverCrossesTheUnderlay() throws Exception {
        lab.flushNeighbours(VM1.name());
        long answeredBefore = hosts[0].counters().arpSuppressed();
        List<String> arpOnWire;
        try (UnderlayCapture capture = UnderlayCapture.start(lab.underlay, "ul0", lab.dir())) {
            Exec.Result ping = lab.ping(VM1.name(), VM3.address().address().toString());
            assertThat(ping.output()).as(ping.output()).contains("3 received");
            // The capture did see this conversation, so an empty ARP result below means something.
            assertThat(capture.awaitFields(3, "vxlan && icmp.type == 8", "vxlan.vni")).hasSize(3);
            arpOnWire = capture.fields("vxlan && arp", "vxlan.vni", "arp.dst.proto_ipv4");
        }
        assertThat(arpOnWire).as("ARP inside VXLAN").isEmpty();
        assertThat(hosts[0].counters().arpSuppressed()).as("host A's ARP responder answered").isGreaterThan(answeredBefore);
        assertThat(lab.neighbour(VM1.name(), VM3.address().address().toString())).contains(VM3.mac().toString());
    }
}
