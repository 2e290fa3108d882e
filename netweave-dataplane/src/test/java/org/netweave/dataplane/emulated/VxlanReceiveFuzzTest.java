package org.netweave.dataplane.emulated;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.netweave.dataplane.DatapathTables;
import org.netweave.model.Ipv4Address;

/**
 * The VXLAN receive path of a host with the seed topology, under whatever a UDP datagram on port
 * 4789 can hold: truncated headers, the I flag clear, private flags, unknown VNIs, inner frames of
 * any length and shape (fragments, bad checksums, oversize). The first byte picks the sender: the
 * peer VTEP the host knows, a VTEP it does not know, or itself. Nothing may throw; from an unknown
 * VTEP nothing may reach a VM, leave the host, or change a table.
 */
class VxlanReceiveFuzzTest {
    static final Ipv4Address STRANGER = Ipv4Address.parse("127.0.9.77");

    @FuzzTest
    void fromTunnel(byte[] data) {
        if (data.length == 0) {
            return;
        }
        EngineHarness h = new EngineHarness().seedTopology();
        DatapathTables before = h.engine.tables();
        Ipv4Address sender = switch (Byte.toUnsignedInt(data[0]) % 3) {
            case 0 -> EngineHarness.PEER;
            case 1 -> STRANGER;
            default -> EngineHarness.SELF;
        };
        int len = data.length - 1;
        byte[] b = new byte[ForwardingEngine.HEADROOM + len];
        int vx = ForwardingEngine.HEADROOM - 8;
        System.arraycopy(data, 1, b, vx, len);

        h.engine.fromTunnel(sender.value(), b, vx, len);

        if (sender.equals(STRANGER)) {
            assertThat(h.vm1Frames).isEmpty();
            assertThat(h.wire).isEmpty();
            assertThat(h.engine.tables()).isEqualTo(before);
        }
    }
}
