package org.netweave.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.netweave.cli.api.ApiOptions;
import org.netweave.cli.api.Jobs;
import org.netweave.cli.api.ManagerApi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code netweave traceflow --from VM1 --to 10.0.2.10}: injects a probe at the VM's vNIC and
 * prints the hops every component reported, in order. Exit 0 only if the probe was delivered.
 */
@Command(name = "traceflow", description = "Trace a probe packet from a VM's vNIC hop by hop (NSX Traceflow). Exit 0"
        + " if it was delivered, 1 if not, 2 if the trace did not complete in time.")
final class TraceflowCommand implements Callable<Integer> {

    @Mixin
    ApiOptions api;
    @Option(names = "--from", required = true, description = "The source: a VM name (VM1), a VM id (vm-3, its first"
            + " vNIC) or a vNIC id (vm-3.001).")
    String from;
    @Option(names = "--to", required = true, description = "The destination IPv4 address.")
    String to;
    @Option(names = "--proto", defaultValue = "icmp", description = "icmp, udp or tcp (default: ${DEFAULT-VALUE}).")
    String protocol;
    @Option(names = "--port", description = "The destination port for udp and tcp (default 80).")
    Integer port;
    @Option(names = "--ttl", description = "The IP TTL (default 64).")
    Integer ttl;
    @Option(names = "--timeout-ms", defaultValue = "5000", description = "How long to collect observations"
            + " (default: ${DEFAULT-VALUE}).")
    int timeoutMs;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ManagerApi manager = api.manager();
        String source = vnicOf(manager, from);
        Map<String, Object> packet = new LinkedHashMap<>();
        packet.put("dstIp", to);
        packet.put("protocol", protocol);
        if (port != null) {
            packet.put("dstPort", port);
        }
        if (ttl != null) {
            packet.put("ttl", ttl);
        }
        JsonNode trace = manager.post("/traceflows", ManagerApi.object("source", source, "packet", packet,
                "timeoutMs", timeoutMs));
        long giveUp = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs + 5_000L);
        while (!"COMPLETE".equals(trace.path("state").asText()) && System.nanoTime() < giveUp) {
            Jobs.pause("the traceflow");
            trace = manager.get("/traceflows/" + trace.path("id").asText());
        }
        PrintWriter out = spec.commandLine().getOut();
        api.print(out, trace, TraceflowText::render);
        out.flush();
        if (!"COMPLETE".equals(trace.path("state").asText())) {
            return 2; // still collecting when we gave up: not a verdict
        }
        return "DELIVERED".equals(trace.path("result").asText()) ? 0 : 1;
    }

    /** A vNIC id as given, else the first vNIC of the VM with that id or name. */
    static String vnicOf(ManagerApi manager, String from) {
        if (from.matches(".+\\.\\d{3}")) {
            return from;
        }
        for (JsonNode vm : manager.get("/vms")) {
            if (vm.path("id").asText().equals(from) || vm.path("name").asText().equals(from)) {
                return vm.path("id").asText() + ".000";
            }
        }
        throw new ManagerApi.Failure("no VM with id or name '" + from + "'");
    }
}
