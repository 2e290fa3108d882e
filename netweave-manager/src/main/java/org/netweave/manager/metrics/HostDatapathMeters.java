package org.netweave.manager.metrics;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.netweave.proto.manager.v1.HostCounters;

/**
 * The hosts' datapath counters as Prometheus counters, one series per host (and per drop
 * reason), registered the first time a host reports and read from its latest report.
 */
final class HostDatapathMeters {
    private static final Set<String> REASONS = java.util.Arrays.stream(org.netweave.dataplane.DropReason.values())
            .map(Enum::name).collect(java.util.stream.Collectors.toUnmodifiableSet());
    private final MeterRegistry registry;
    private final Map<String, HostCounters> latest = new ConcurrentHashMap<>();
    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    HostDatapathMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void update(HostCounters report) {
        String host = report.getHostId();
        if (latest.put(host, report) == null) {
            frames(host, "from_ports", HostCounters::getFramesFromPorts);
            frames(host, "to_ports", HostCounters::getFramesToPorts);
            frames(host, "routed", HostCounters::getRouted);
            frames(host, "bridged", HostCounters::getBridged);
            counter("netweave.host.vxlan.packets", "VXLAN packets, by host and direction", host, "direction", "tx",
                    HostCounters::getVxlanSent);
            counter("netweave.host.vxlan.packets", "VXLAN packets, by host and direction", host, "direction", "rx",
                    HostCounters::getVxlanReceived);
            counter("netweave.host.arp", "ARP requests answered from the host's table or flooded", host, "outcome",
                    "suppressed", HostCounters::getArpSuppressed);
            counter("netweave.host.arp", "ARP requests answered from the host's table or flooded", host, "outcome",
                    "flooded", HostCounters::getArpFlooded);
        }
        for (String reason : report.getDroppedMap().keySet()) {
            // Only the data plane's own reasons: a report cannot add series at will.
            if (REASONS.contains(reason) && registered.add(host + "/" + reason)) {
                counter("netweave.host.dropped", "Packets a host's datapath dropped, by reason", host, "reason", reason,
                        r -> r.getDroppedOrDefault(reason, 0));
            }
        }
    }

    private void frames(String host, String what, ToDoubleFunction<HostCounters> value) {
        counter("netweave.host.frames", "Frames a host's datapath handled, by host and kind", host, "kind", what, value);
    }

    private void counter(String name, String description, String host, String tag, String tagValue,
            ToDoubleFunction<HostCounters> value) {
        FunctionCounter.builder(name, latest, m -> {
            HostCounters report = m.get(host);
            return report == null ? 0 : value.applyAsDouble(report);
        }).description(description).tags("host", host, tag, tagValue).register(registry);
    }
}
