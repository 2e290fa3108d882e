package org.netweave.it;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@link TraceflowTest}'s paths and drops on real Open vSwitch: the probe is traced by each
 * host's ofproto/trace and its qrouter namespace's kernel, handed from host to host where it
 * leaves in a tunnel, and must show the same hops as on the emulated hosts. Needs root and
 * openvswitch-switch (skipped with the reason without them; CI requires them).
 */
class OvsTraceflowTest extends TraceflowTest {

    @Override
    SeedLab startLab(Path dir) throws Exception {
        return SeedLab.startOnOvs(dir, "OvsTraceflowTest");
    }

    /**
     * br-int switches the routed frame with NORMAL, which learns MACs from traffic only; VM2's
     * MAC never arrives on host A's br-int (its replies are routed on host B), so host A floods
     * the frame, and the trace rightly shows the copy that the bridge instance there carries to
     * VLAN 100. The routed path is the rest.
     */
    @Override
    List<String> routedPath(JsonNode trace) {
        return hops(trace).stream().filter(h -> !h.contains(" BRIDGED BRIDGE ") && !h.contains(" PHYSICAL_UPLINK ")).toList();
    }
}
