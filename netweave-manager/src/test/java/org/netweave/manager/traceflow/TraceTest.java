package org.netweave.manager.traceflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.PortId;

/** When a trace is complete: at its deadline, or once every path ended and things went quiet. */
class TraceTest {
    static final HostId A = HostId.of("host-a");
    static final HostId B = HostId.of("host-b");
    static final Map<String, HostId> HOSTS = Map.of("127.0.1.1", A, "127.0.1.2", B);
    static final Map<HostId, String> VTEPS = Map.of(A, "127.0.1.1", B, "127.0.1.2");
    static final long SECOND = 1_000_000_000L;
    static final Probe PROBE = new Probe(A, PortId.of("vm-3.000"), MacAddress.parse("00:50:56:80:00:01"),
            MacAddress.parse("02:50:56:56:44:52"), Ipv4Address.parse("10.0.1.10"), Ipv4Address.parse("10.0.2.10"),
            ProbeProtocol.ICMP, 49_152, 80, 64, true);

    final Trace trace = new Trace("traceflow-1", 1, "vm-3.000", PROBE, Instant.EPOCH, 0, 5 * SECOND);

    @Test
    void aDeliveryCompletesItOnlyOnceEveryForwardWasReceivedAndThingsWentQuiet() {
        trace.observed(List.of(seen(A, "RECEIVED", "VNIC", "vm-3.000", null), seen(A, "FORWARDED", "TUNNEL", "127.0.1.2",
                null), seen(A, "DELIVERED", "VNIC", "vm-7.000", null)), 100);
        assertThat(trace.settle(100 + Trace.QUIET_NANOS, HOSTS, VTEPS)).as("host B has not reported its copy").isFalse();

        trace.observed(List.of(seen(B, "RECEIVED", "TUNNEL", "127.0.1.1", null)), 200);
        assertThat(trace.settle(200 + Trace.QUIET_NANOS - 1, HOSTS, VTEPS)).as("not quiet yet").isFalse();
        assertThat(trace.settle(200 + Trace.QUIET_NANOS, HOSTS, VTEPS)).isTrue();
        assertThat(trace.view(HOSTS).result()).isEqualTo("DELIVERED");
    }

    @Test
    void aProbeHeldForArpDoesNotEndItsPathButTheDeadlineEndsTheTrace() {
        trace.observed(List.of(seen(A, "RECEIVED", "VNIC", "vm-3.000", null), seen(A, "DROPPED", "LOGICAL_ROUTER", "edge-1",
                "NO_ARP")), 100);
        assertThat(trace.settle(SECOND, HOSTS, VTEPS)).isFalse();
        assertThat(trace.settle(5 * SECOND, HOSTS, VTEPS)).isTrue();
        assertThat(trace.view(HOSTS).result()).isEqualTo("DROPPED");
    }

    @Test
    void observationsAfterCompletionAreNotTaken() {
        trace.observed(List.of(seen(A, "DROPPED", "LOGICAL_ROUTER", "edge-1", "NO_ROUTE")), 100);
        assertThat(trace.settle(100 + Trace.QUIET_NANOS, HOSTS, VTEPS)).isTrue();
        trace.observed(List.of(seen(A, "DELIVERED", "VNIC", "vm-7.000", null)), 2 * SECOND);

        TraceflowView view = trace.view(HOSTS);
        assertThat(view.result()).isEqualTo("DROPPED");
        assertThat(view.observations()).hasSize(1);
    }

    @Test
    void aFailedInjectionIsCompleteAtOnce() {
        trace.failed("host-a: port vm-3.000 is not attached on host-a");
        assertThat(trace.isComplete()).isTrue();
        assertThat(trace.view(HOSTS).result()).isEqualTo("FAILED");
    }

    static Seen seen(HostId host, String kind, String component, String name, String dropReason) {
        return new Seen(host, kind, component, name, 0, null, null, dropReason, 0);
    }
}
