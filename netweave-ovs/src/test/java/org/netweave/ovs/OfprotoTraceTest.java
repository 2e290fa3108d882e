package org.netweave.ovs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.netweave.model.Ipv4Address;

/** {@link OfprotoTrace} on traces Open vSwitch 3.1 printed for the seed scenario's hosts. */
class OfprotoTraceTest {

    @Test
    void aRoutedFrameIsFollowedFromBrIntThroughBrTunIntoItsTunnel() {
        OfprotoTrace trace = OfprotoTrace.parse(read("routed-to-tunnel.txt"));

        assertThat(trace.steps()).extracting(OfprotoTrace.Step::brief).containsExactly(
                "br-int LOCAL_SWITCHING priority=0",
                "br-int TRANSIENT priority=1",
                "br-tun LOCAL_SWITCHING priority=1 in_port=1",
                "br-tun DVR_PROCESS priority=1 dl_vlan=908,dl_src=02:50:56:56:44:52",
                "br-tun PATCH_LV_TO_TUN priority=0 dl_dst=00:00:00:00:00:00/01:00:00:00:00:00",
                "br-tun UCAST_TO_TUN priority=2 dl_vlan=908,dl_dst=00:50:56:80:00:02");
        assertThat(trace.steps().get(3).actions()).containsExactly("set_field:02:4e:57:00:00:01->eth_src", "goto_table:2");
        assertThat(trace.outputs()).as("the underlay port after tnl_push is no output of ours")
                .containsExactly(new OfprotoTrace.Tunnel(Ipv4Address.parse("172.30.2.1"), 5001));
        assertThat(trace.dropping()).isEmpty();
    }

    /** Flooding nests br-phy's trace under the br-tun flow that output to each tunnel. */
    @Test
    void aFloodIsReadWithTheNestedBridgesLeftOutAndEveryTunnelKept() {
        OfprotoTrace trace = OfprotoTrace.parse(read("flood.txt"));

        assertThat(trace.steps()).extracting(OfprotoTrace.Step::brief).containsExactly(
                "br-int LOCAL_SWITCHING priority=0",
                "br-int TRANSIENT priority=1",
                "br-tun LOCAL_SWITCHING priority=1 in_port=1",
                "br-tun DVR_PROCESS priority=0",
                "br-tun PATCH_LV_TO_TUN priority=0 dl_dst=00:00:00:00:00:00/01:00:00:00:00:00",
                "br-tun UCAST_TO_TUN priority=0",
                "br-tun FLOOD_TO_TUN priority=1 dl_vlan=907");
        assertThat(trace.steps().getLast().actions()).contains("output:2", "output:3");
        assertThat(trace.outputs()).contains(new OfprotoTrace.Tunnel(Ipv4Address.parse("172.30.1.2"), 5000),
                new OfprotoTrace.Tunnel(Ipv4Address.parse("172.30.2.1"), 5000), new OfprotoTrace.DatapathPort(5));
        assertThat(trace.finalFlow()).isEmpty();
    }

    @Test
    void aFrameOnAnUnknownVniIsDroppedByTheTunnelToLocalVlanStage() {
        OfprotoTrace trace = OfprotoTrace.parse(read("unknown-vni.txt"));

        assertThat(trace.outputs()).isEmpty();
        assertThat(trace.dropping()).map(OfprotoTrace.Step::brief).contains("br-tun VXLAN_TUN_TO_LV priority=0");
        assertThat(OvsTracer.reasonOf(trace.dropping().orElseThrow())).hasToString("UNKNOWN_VNI");
    }

    private static String read(String name) {
        try (InputStream in = OfprotoTraceTest.class.getResourceAsStream("/traces/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
