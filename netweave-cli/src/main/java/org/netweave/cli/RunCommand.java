package org.netweave.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.netweave.dataplane.emulated.EmulatedHost;
import org.netweave.dataplane.emulated.PingResult;
import org.netweave.dataplane.emulated.SeedTopology;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;
import org.netweave.packet.Vxlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code netweave run}: the all-in-one job. Until the control plane exists it starts the
 * emulated data plane with the seeds' static topology, proves the seed paths with pings, and
 * keeps forwarding (with a periodic health ping) until Ctrl-C or SIGTERM.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Start the emulated data plane with the seed topology (VNI 5000/5001, a DLR, a VXLAN-VLAN bridge).")
final class RunCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    @Spec
    CommandSpec spec;

    @Option(names = "--hosts", defaultValue = "4", description = "Emulated hosts, split into two clusters (default: ${DEFAULT-VALUE}).")
    int hosts;

    @Option(names = "--vxlan-port", defaultValue = "" + Vxlan.DEFAULT_UDP_PORT,
            description = "VXLAN UDP port of the transport zone (default: ${DEFAULT-VALUE}; NSX-V used 8472).")
    int vxlanPort;

    @Option(names = "--health-interval", defaultValue = "PT10S",
            description = "How often to ping VM1 -> VM2 and log the result, as an ISO-8601 duration (default: ${DEFAULT-VALUE}).")
    Duration healthInterval;

    @Option(names = "--exit-after-check", description = "Build the topology, run the seed checks, then stop (exit 0 only if all passed).")
    boolean exitAfterCheck;

    @Override
    public Integer call() throws Exception {
        if (healthInterval.isNegative() || healthInterval.isZero()) {
            throw new InvalidValueException("health-interval", healthInterval, "must be positive");
        }
        if (hosts < 2) {
            throw new InvalidValueException("hosts", hosts, "must be at least 2 (VM1 and VM2 run on different hosts)");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Starting %d emulated hosts (VXLAN port %d) with the seed topology...%n", hosts, vxlanPort);
        out.flush();
        CountDownLatch stopRequested = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        // On SIGTERM or Ctrl-C the JVM runs this hook and exits when it returns, so the hook
        // waits until the main thread has closed every host.
        Thread hook = Thread.ofPlatform().name("netweave-shutdown").unstarted(() -> {
            log.info("stop requested, shutting down");
            stopRequested.countDown();
            awaitQuietly(stopped, SHUTDOWN_GRACE);
        });
        try (SeedTopology seed = SeedTopology.build(hosts, vxlanPort)) {
            Runtime.getRuntime().addShutdownHook(hook);
            printTopology(out, seed);
            boolean ok = seedChecks(out, seed);
            if (exitAfterCheck) {
                Runtime.getRuntime().removeShutdownHook(hook);
                return ok ? 0 : 1;
            }
            out.println("Netweave data plane is running. Press Ctrl-C to stop.");
            out.flush();
            while (!stopRequested.await(healthInterval.toMillis(), TimeUnit.MILLISECONDS)) {
                logHealth(seed);
            }
        } finally {
            // Logged before the hook is released: once it returns, the JVM may end at any point.
            log.info("stopped");
            stopped.countDown();
        }
        return 0;
    }

    /** One health ping; whatever goes wrong is logged, the data plane keeps running. */
    private static void logHealth(SeedTopology seed) {
        try {
            PingResult health = seed.vm1().ping(Ipv4Address.parse("10.0.2.10"), 1, 0, 1_000).get(5, TimeUnit.SECONDS);
            log.info("health: vm1 -> vm2 {}", health.allReplied()
                    ? String.format("ok, rtt %.3f ms", health.averageRttMillis()) : "LOST");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("health: vm1 -> vm2 could not be checked: {}", e.toString());
        }
    }

    private static void awaitQuietly(CountDownLatch latch, Duration timeout) {
        try {
            latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void printTopology(PrintWriter out, SeedTopology seed) {
        out.println();
        out.println("Host        VTEP            Segment          Router MAC");
        for (EmulatedHost h : seed.lab().hosts()) {
            var c = h.config();
            out.printf("%-11s %-15s %-16s %s%s%n", c.hostId(), c.vtepIp() + ":" + c.vxlanPort(), c.vtepSegment(),
                    c.routerMac(), h == seed.bridgeHost() ? "  (bridge VXLAN 5001 <-> VLAN 100)" : "");
        }
        out.println();
        out.println("DLR edge-1: lif-5000 10.0.1.1/24 on VNI 5000, lif-5001 10.0.2.1/24 on VNI 5001 (vMAC " + SeedTopology.VMAC + ")");
        out.println("VM1 10.0.1.10 on " + SeedTopology.hostName(0) + ", VM2 10.0.2.10 on " + SeedTopology.hostName(1)
                + ", physical server 10.0.2.100 on VLAN 100");
        out.println();
        out.flush();
    }

    private static boolean seedChecks(PrintWriter out, SeedTopology seed) throws Exception {
        boolean routed = check(out, "VM1 -> VM2 (routed by the DLR, seed 001)",
                seed.vm1().ping(Ipv4Address.parse("10.0.2.10"), 3, 100, 2_000).get(10, TimeUnit.SECONDS));
        boolean bridged = check(out, "VM2 -> physical server (bridged to VLAN 100, seed 004)",
                seed.vm2().ping(Ipv4Address.parse("10.0.2.100"), 3, 100, 2_000).get(10, TimeUnit.SECONDS));
        boolean both = check(out, "VM1 -> physical server (routed, then bridged)",
                seed.vm1().ping(Ipv4Address.parse("10.0.2.100"), 3, 100, 2_000).get(10, TimeUnit.SECONDS));
        out.println();
        out.flush();
        return routed && bridged && both;
    }

    private static boolean check(PrintWriter out, String what, PingResult r) {
        out.printf("  %-56s %d/%d replies, avg rtt %.3f ms, reply TTL %d  %s%n", what, r.received(), r.sent(),
                r.averageRttMillis(), r.replyTtl(), r.allReplied() ? "OK" : "FAILED");
        out.flush();
        return r.allReplied();
    }
}
