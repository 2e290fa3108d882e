package org.netweave.controller.owner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.InvalidProtocolBufferException;
import org.netweave.model.InvalidValueException;
import org.netweave.proto.controller.v1.Bridge;
import org.netweave.proto.controller.v1.Lif;
import org.netweave.proto.controller.v1.LogicalSwitchRecord;
import org.netweave.proto.controller.v1.Route;
import org.netweave.proto.controller.v1.VniPlacement;

/**
 * The controller's decoders of what arrives on its gRPC channels (and comes back from ZooKeeper):
 * whatever bytes parse as a logical switch record, a placement, a LIF, a route or a bridge, decoding
 * gives the runtime value or an InvalidValueException naming the field — never another exception,
 * which would end the owner's task or the call with INTERNAL — and a decoded value encodes and
 * decodes to itself. The first input byte picks the message.
 */
class ManagerChannelDecodingFuzzTest {
    private interface Decoder {
        void decodeAndRoundTrip(byte[] wire) throws InvalidProtocolBufferException;
    }

    private static final Decoder[] DECODERS = {
        wire -> {
            var settings = WireTranslation.settings(LogicalSwitchRecord.parseFrom(wire));
            assertThat(WireTranslation.settings(WireTranslation.record(settings,
                    org.netweave.controller.runtime.VniPlacement.NONE))).isEqualTo(settings);
        },
        wire -> {
            var placement = WireTranslation.placement(VniPlacement.parseFrom(wire));
            assertThat(WireTranslation.placement(WireTranslation.toWire(placement))).isEqualTo(placement);
        },
        wire -> {
            var lif = WireTranslation.lif(Lif.parseFrom(wire));
            assertThat(WireTranslation.lif(WireTranslation.toWire(lif))).isEqualTo(lif);
        },
        wire -> {
            var route = WireTranslation.route(Route.parseFrom(wire));
            assertThat(WireTranslation.route(WireTranslation.toWire(route))).isEqualTo(route);
        },
        wire -> {
            var bridge = WireTranslation.bridge(Bridge.parseFrom(wire));
            assertThat(WireTranslation.bridge(WireTranslation.toWire(bridge))).isEqualTo(bridge);
        },
    };

    @FuzzTest
    void managerChannelMessages(byte[] data) throws Exception {
        if (data.length == 0) {
            return;
        }
        Decoder decoder = DECODERS[Byte.toUnsignedInt(data[0]) % DECODERS.length];
        try {
            decoder.decodeAndRoundTrip(Arrays.copyOfRange(data, 1, data.length));
        } catch (InvalidProtocolBufferException e) {
            // Not a message at all: gRPC refuses it before any handler sees it.
        } catch (InvalidValueException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
