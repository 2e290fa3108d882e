package org.netweave.ovs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
}
