package org.netweave.manager.traceflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.netweave.model.HostId;

/** Hop order follows the tunnels, not the hosts' clocks, which are not comparable. */
class HopOrderTest {
    static final HostId A = HostId.of("host-a");
    static final HostId B = HostId.of("host-b");
    static final HostId C = HostId.of("host-c");
    static final Map<String, HostId> VTEPS = Map.of("127.0.1.1", A, "127.0.1.2", B, "127.0.1.3", C);

    @Test
    void theSourceHostComesFirstThenTheHostsItsTunnelsReachedInTheOrderItSentToThem() {
        // Host B's clock is far behind host A's, host C's far ahead: their times must not matter.
        List<Seen> seen = List.of(
                seen(B, "RECEIVED", "TUNNEL", "127.0.1.1", -5_000),
                seen(C, "DELIVERED", "VNIC", "vm-9.000", 90_001),
                seen(A, "FORWARDED", "TUNNEL", "127.0.1.3", 12),
                seen(B, "DELIVERED", "VNIC", "vm-4.000", -4_999),
                seen(A, "RECEIVED", "VNIC", "vm-3.000", 10),
                seen(C, "RECEIVED", "TUNNEL", "127.0.1.1", 90_000),
                seen(A, "FORWARDED", "TUNNEL", "127.0.1.2", 11));

        assertThat(HopOrder.of(A, seen, VTEPS)).extracting(s -> s.host().value() + " " + s.kind() + " " + s.componentName())
                .containsExactly(
                        "host-a RECEIVED vm-3.000",
                        "host-a FORWARDED 127.0.1.2",
                        "host-a FORWARDED 127.0.1.3",
                        "host-b RECEIVED 127.0.1.1",
                        "host-b DELIVERED vm-4.000",
                        "host-c RECEIVED 127.0.1.1",
                        "host-c DELIVERED vm-9.000");
    }

    @Test
    void aHostNoTunnelLedToComesLast() {
        List<Seen> seen = List.of(seen(C, "RECEIVED", "TUNNEL", "10.9.9.9", 1), seen(A, "RECEIVED", "VNIC", "vm-3.000", 5),
                seen(A, "FORWARDED", "TUNNEL", "10.9.9.9", 6));

        assertThat(HopOrder.of(A, seen, VTEPS)).extracting(s -> s.host().value())
                .containsExactly("host-a", "host-a", "host-c");
    }

    static Seen seen(HostId host, String kind, String component, String name, long nanos) {
        return new Seen(host, kind, component, name, 0, null, null, null, nanos);
    }
}
