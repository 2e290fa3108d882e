package org.netweave.manager.neutron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netweave.manager.neutron.NeutronFixture.assertNeutronError;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.manager.ManagerSettings;
import org.netweave.model.TransportZoneId;

/** Which transport zone a network's logical switch goes into: the setting's, else the only one, else a 409. */
class NeutronTransportZoneTest {
    private static final String NETWORK = "{\"network\":{\"name\":\"n\"}}";

    @Test
    void withoutTheSettingTheOnlyZoneIsUsedAndNoneOrTwoAreConflicts(@TempDir Path dir) throws Exception {
        try (NeutronFixture net = NeutronFixture.start(ManagerSettings.local(dir).withoutApiAuth())) {
            net.segmentPool(5000, 5999);
            var none = assertNeutronError(net.neutron.post("/v2.0/networks", NETWORK), 409, "NoTransportZone");
            assertThat(none.at("/NeutronError/message").asText()).contains("/api/v1/transport-zones");
            String only = net.transportZone("only");
            String network = net.create("network", "{\"name\":\"n\"}").get("id").asText();
            assertThat(net.logicalSwitchOf(network).get("transportZoneId").asText()).isEqualTo(only);
            net.transportZone("second");
            assertNeutronError(net.neutron.post("/v2.0/networks", NETWORK), 409, "AmbiguousTransportZone");
            assertThat(net.api.get("/logical-switches").body()).as("the refused creates left no switch").hasSize(1);
        }
    }

    @Test
    void theSettingChoosesAmongZonesAndMustNameOneThatExists(@TempDir Path dir) throws Exception {
        ManagerSettings settings = ManagerSettings.local(dir).withoutApiAuth().withNeutronTransportZone(TransportZoneId.of("vdnscope-2"));
        try (NeutronFixture net = NeutronFixture.start(settings)) {
            net.segmentPool(5000, 5999);
            net.transportZone("first");
            assertNeutronError(net.neutron.post("/v2.0/networks", NETWORK), 409, "TransportZoneNotFound");
            assertThat(net.transportZone("second")).isEqualTo("vdnscope-2");
            String network = net.create("network", "{\"name\":\"n\"}").get("id").asText();
            assertThat(net.logicalSwitchOf(network).get("transportZoneId").asText()).isEqualTo("vdnscope-2");
        }
    }

    @Test
    void withoutASegmentPoolTheSwitchServiceRefusesAndNothingIsWritten(@TempDir Path dir) throws Exception {
        try (NeutronFixture net = NeutronFixture.start(ManagerSettings.local(dir).withoutApiAuth())) {
            net.transportZone("zone");
            var refused = assertNeutronError(net.neutron.post("/v2.0/networks", NETWORK), 409, "Conflict");
            assertThat(refused.at("/NeutronError/message").asText()).contains("segment pool");
            assertThat(net.neutron.get("/v2.0/networks").at("/networks")).isEmpty();
        }
    }
}
