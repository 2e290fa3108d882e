package org.netweave.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import org.netweave.cli.api.ApiOptions;
import org.netweave.cli.api.ManagerApi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code netweave vm ping <vm> <ip>}: a ping from a lab VM's guest; exit 0 only if replies came back. */
@Command(name = "ping", description = "Ping from a VM's guest (all-in-one mode). Exit 0 only if every request got its reply.")
final class VmPing implements Callable<Integer> {
    @Mixin
    ApiOptions api;
    @Parameters(index = "0", paramLabel = "<vm>", description = "The VM, e.g. vm-3")
    String vm;
    @Parameters(index = "1", paramLabel = "<ip>", description = "The address to ping, e.g. 10.0.2.10")
    String target;
    @Option(names = "--count", defaultValue = "3", description = "Echo requests to send, 1-100 (default: ${DEFAULT-VALUE}).")
    int count;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        JsonNode report = api.manager().post("/vms/" + vm + "/ping",
                ManagerApi.object("target", target, "count", count));
        PrintWriter out = spec.commandLine().getOut();
        if (api.json) {
            out.println(ManagerApi.pretty(report));
        } else {
            out.printf("PING %s from %s on %s: %d packets transmitted, %d received, %d%% packet loss", report.path("target").asText(),
                    report.path("vmId").asText(), report.path("hostId").asText(), report.path("sent").asInt(),
                    report.path("received").asInt(), loss(report));
            if (report.path("received").asInt() > 0) {
                out.printf(", rtt avg %.3f ms, ttl %d", report.path("averageRttMillis").asDouble(), report.path("replyTtl").asInt());
            }
            out.println();
            report.path("errors").forEach(e -> out.println("  ICMP error from " + e.asText()));
        }
        out.flush();
        boolean allReplied = report.path("sent").asInt() > 0 && report.path("received").asInt() == report.path("sent").asInt();
        return allReplied ? 0 : 1;
    }

    private static int loss(JsonNode report) {
        int sent = report.path("sent").asInt();
        return sent == 0 ? 100 : 100 * (sent - report.path("received").asInt()) / sent;
    }
}
