package org.netweave.controlvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.netweave.model.DlrId;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;
import org.netweave.proto.controller.v1.Ipv4Prefix;
import org.netweave.proto.controller.v1.Lif;
import org.netweave.proto.manager.v1.ControlVmConfig;
import org.netweave.proto.manager.v1.StaticRoute;

/** The manager's configuration into model records: proto3 defaults read as "unset", malformed fields are named. */
class ProtoTranslationTest {
    private static final ControlVmConfig CONFIG = ControlVmConfig.newBuilder()
            .setDlrId("edge-1").setGeneration(7)
            .addLifs(Lif.newBuilder().setLifId("lif-1").setVni(5000).setIp(0x0A000101).setPrefixLength(24))
            .addStaticRoutes(StaticRoute.newBuilder()
                    .setPrefix(Ipv4Prefix.newBuilder().setAddress(0xC0A80A00).setLength(24)).setNextHop(0x0A0001FE))
            .addControllers("127.0.0.1:7777").setPublish(true).setActive(true)
            .build();

    @Test
    void aConfigurationReadsIntoModelRecords() {
        RoutingConfig config = ProtoTranslation.config(CONFIG);

        assertThat(config.dlr()).isEqualTo(DlrId.of("edge-1"));
        assertThat(config.generation()).isEqualTo(7);
        assertThat(config.lifs()).containsExactly(Routes.lif("lif-1", "10.0.1.1/24"));
        assertThat(config.staticRoutes()).as("an unset admin distance is the default")
                .containsExactly(Routes.route("192.168.10.0/24", "10.0.1.254", 1));
        assertThat(config.defaultGateway()).as("0 means no default gateway").isEmpty();
        assertThat(config.controllers()).containsExactly("127.0.0.1:7777");
        assertThat(config.publish()).isTrue();
        assertThat(config.active()).isTrue();
    }

    @Test
    void aDefaultGatewayAndAnExplicitDistanceAreKept() {
        RoutingConfig config = ProtoTranslation.config(CONFIG.toBuilder().setDefaultGateway(0x0A000102)
                .setStaticRoutes(0, CONFIG.getStaticRoutes(0).toBuilder().setAdminDistance(200)).build());

        assertThat(config.defaultGateway()).isEqualTo(Optional.of(Ipv4Address.parse("10.0.1.2")));
        assertThat(config.staticRoutes().getFirst().adminDistance()).isEqualTo(200);
    }

    @Test
    void malformedFieldsAreRefusedByName() {
        assertThatThrownBy(() -> ProtoTranslation.config(CONFIG.toBuilder().setStaticRoutes(0, CONFIG.getStaticRoutes(0)
                .toBuilder().setPrefix(Ipv4Prefix.newBuilder().setAddress(0xC0A80A01).setLength(24))).build()))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("host bits set");
        assertThatThrownBy(() -> ProtoTranslation.config(CONFIG.toBuilder().setStaticRoutes(0, CONFIG.getStaticRoutes(0)
                .toBuilder().setAdminDistance(256)).build()))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("adminDistance");
        assertThatThrownBy(() -> ProtoTranslation.config(CONFIG.toBuilder().addLifs(CONFIG.getLifs(0)).build()))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> ProtoTranslation.config(CONFIG.toBuilder().setDlrId("").build()))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("dlrId");
    }
}
