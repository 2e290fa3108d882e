package org.netweave.ovs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.netweave.dataplane.DatapathChange;
import org.junit.jupiter.api.Test;

/**
 * Golden text of the flows of host A in the seed fixture: sorted, stages by name. A change in the
 * translation shows up as a diff of this text, reviewed like code (OVN's ovn-northd.at habit).
 */
class FlowTranslatorGoldenTest {

    static List<String> golden(HostState state) {
        return FlowTranslator.translate(state).stream().map(Flow::golden).toList();
    }

    static List<String> resource(String name) throws IOException {
        try (InputStream in = FlowTranslatorGoldenTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }

    @Test
    void hostAFlowsMatchTheGoldenText() throws IOException {
        assertThat(golden(SeedFixture.stateOf(0))).containsExactlyElementsOf(resource("seed-host-a.flows"));
    }

    @Test
    void hostBFlowsMatchTheGoldenText() throws IOException {
        assertThat(golden(SeedFixture.stateOf(1))).containsExactlyElementsOf(resource("seed-host-b.flows"));
    }

    /** Bridging VNI 5001 on host B adds exactly the two DVR-into-VLAN flows; the patch pair does the rest. */
    @Test
    void aBridgeOnARoutedSubnetAddsTheDvrIntoVlanFlows() throws IOException {
        HostState bridged = HostStateBuilder.apply(SeedFixture.stateOf(1),
                List.of(new DatapathChange.PutBridge(SeedFixture.BRIDGE)));
        List<String> added = new ArrayList<>(golden(bridged));
        added.removeAll(resource("seed-host-b.flows"));
        assertThat(added).containsExactlyElementsOf(resource("seed-host-b-bridge.flows"));
        assertThat(golden(bridged)).containsAll(resource("seed-host-b.flows"));
    }
}
