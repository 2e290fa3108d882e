package org.netweave.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.netweave.cli.allinone.AllInOne;
import org.netweave.cli.allinone.AllInOneSettings;
import org.netweave.cli.allinone.LabDatapath;
import org.netweave.cli.allinone.SeedScenario;
import org.netweave.cli.api.Columns;
import org.netweave.cli.api.ManagerApi;
import org.netweave.dataplane.emulated.PingResult;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;
import org.netweave.model.VmId;
import org.netweave.packet.Vxlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code netweave run}: the all-in-one job. Starts three controllers, the manager and emulated
 * hosts in this JVM ({@link AllInOne}), optionally builds the seeds' topology through the API,
 * and serves the API until Ctrl-C or SIGTERM, logging a health ping now and then.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the whole system in one JVM: three controllers, the manager (REST API) and emulated hosts"
                + " (or hosts on real Open vSwitch with --datapath ovs).")
final class RunCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);
    private static final Duration CONVERGENCE = Duration.ofSeconds(60);

    enum Scenario { none, seed }

    @Spec
    CommandSpec spec;

    @Option(names = "--hosts", defaultValue = "4", description = "Emulated hosts, split into two clusters (default: ${DEFAULT-VALUE}).")
    int hosts;

    @Option(names = "--api-port", defaultValue = "8080", description = "The REST API's port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int apiPort;

    @Option(names = "--data-dir", description = "Where the manager's H2 store and the controllers' data live (default: a"
            + " temporary directory removed at exit). It must not hold an earlier run's store.")
    Path dataDir;

    @Option(names = "--insecure-no-auth", description = "Serve the API without authentication: anyone who reaches "
            + "it may change anything. Explicit lab use only; by default every request needs a bearer token.")
    boolean insecureNoAuth;

    @Option(names = "--reset", description = "Wipe the --data-dir of an earlier run before starting.")
    boolean reset;

    @Option(names = "--scenario", defaultValue = "none",
            description = "What to build once the system is up: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Scenario scenario;

    @Option(names = "--vxlan-port", defaultValue = "" + Vxlan.DEFAULT_UDP_PORT,
            description = "VXLAN UDP port of every VTEP (default: ${DEFAULT-VALUE}; NSX-V used 8472).")
    int vxlanPort;

    @Option(names = "--health-interval", defaultValue = "PT10S",
            description = "With --scenario seed: how often to ping VM1 -> VM2 and log it, as an ISO-8601 duration (default: ${DEFAULT-VALUE}).")
    Duration healthInterval;

    @Option(names = "--datapath", defaultValue = "emulated",
            description = "The hosts' datapath: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). ovs runs every host on"
                    + " real Open vSwitch in its own network namespace, guests as namespaces; it needs root and"
                    + " openvswitch-switch (scripts/install-test-deps).")
    LabDatapath datapath;

    @Option(names = "--exit-after-check", description = "Start, build the scenario, run its checks, then stop (exit 0 only if all passed).")
    boolean exitAfterCheck;

    @Override
    public Integer call() throws Exception {
        if (healthInterval.isNegative() || healthInterval.isZero()) {
            throw new InvalidValueException("health-interval", healthInterval, "must be positive");
        }
        PrintWriter out = spec.commandLine().getOut();
        boolean temporary = dataDir == null;
        Path dir = temporary ? Files.createTempDirectory("netweave-run-") : dataDir.toAbsolutePath();
        if (reset && !temporary) {
            resetDataDir(dir);
        }
        AllInOneSettings settings;
        try {
            settings = AllInOneSettings.defaults(dir, line -> {
                out.println("  " + line);
                out.flush();
            }).withDatapath(datapath).withApiPort(apiPort).withHosts(hosts)
                    .withVxlanPort(vxlanPort);
            if (insecureNoAuth) {
                settings = settings.withoutApiAuth();
            }
        } catch (InvalidValueException e) {
            if (temporary) {
                deleteTree(dir);
            }
            throw e;
        }
        out.printf("Starting Netweave: 3 controllers, the manager, %d %s (data in %s)...%n", hosts,
                datapath.hostsLabel(), dir);
        out.flush();

        CountDownLatch stopRequested = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        // On SIGTERM or Ctrl-C the JVM runs this hook and exits when it returns, so the hook
        // waits until the main thread has closed everything.
        Thread main = Thread.currentThread();
        // Whether main has begun closing: from then on it must not be interrupted, or what it
        // closes (Jetty, ZooKeeper, gRPC wait while they stop) fails half-way.
        AtomicBoolean closing = new AtomicBoolean();
        Thread hook = Thread.ofPlatform().name("netweave-shutdown").unstarted(() -> {
            log.info("stop requested, shutting down");
            stopRequested.countDown();
            // Starting or building the scenario can take minutes; interrupted, it stops and closes what it started.
            synchronized (closing) {
                if (!closing.get()) {
                    main.interrupt();
                }
            }
            awaitQuietly(stopped, SHUTDOWN_GRACE);
        });
        Runtime.getRuntime().addShutdownHook(hook);
        AllInOne lab = null;
        try {
            lab = AllInOne.start(settings);
            return serve(out, lab, stopRequested);
        } catch (InterruptedException | ManagerApi.Failure e) {
            if (stopRequested.getCount() > 0) {
                throw e;
            }
            return 0;
        } finally {
            try {
                // Closing must not see the interrupt that asked for it, even one the hook is about
                // to send: ZooKeeper, gRPC and Jetty wait while they close.
                synchronized (closing) {
                    closing.set(true);
                    Thread.interrupted();
                }
                if (lab != null) {
                    lab.close();
                }
                if (temporary) {
                    deleteTree(dir);
                }
            } finally {
                // Logged before the hook is released: once it returns, the JVM may end at any point.
                log.info("stopped");
                stopped.countDown();
                if (stopRequested.getCount() > 0) {
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException shuttingDown) {
                        // A signal came in between: the hook runs and finds everything stopped.
                    }
                }
            }
        }
    }

    /** Builds the scenario if asked, then serves until a stop is requested; the exit status. */
    private int serve(PrintWriter out, AllInOne lab, CountDownLatch stopRequested) throws InterruptedException {
        printHosts(out, lab);
        boolean ok = true;
        SeedScenario.Built seed = null;
        if (scenario == Scenario.seed) {
            out.println("Building the seed scenario through the API...");
            out.flush();
            seed = lab.buildSeedScenario();
            ok = seedChecks(out, lab, seed);
        }
        if (exitAfterCheck) {
            return ok ? 0 : 1;
        }
        out.println("Netweave is running: API " + lab.apiUrl() + " (try ./netweave show control-cluster status,"
                + " ./netweave vm list). Press Ctrl-C to stop.");
        out.flush();
        while (!stopRequested.await(healthInterval.toMillis(), TimeUnit.MILLISECONDS)) {
            if (seed != null) {
                logHealth(lab, seed);
            }
        }
        return 0;
    }

    private static void printHosts(PrintWriter out, AllInOne lab) {
        out.println();
        Columns hosts = new Columns("Host", "Name", "Cluster", "VTEP", "Router MAC");
        lab.hosts().forEach(h -> hosts.row(h.id(), h.name(), "cluster-" + h.cluster(), h.vtep(), h.routerMac()));
        out.print(hosts.render());
        out.println();
        out.flush();
    }

    /** The seed paths, each once the hosts have converged (the first ping waits for that, up to a minute). */
    private static boolean seedChecks(PrintWriter out, AllInOne lab, SeedScenario.Built seed) throws InterruptedException {
        VmId vm1 = VmId.of(seed.vm1());
        VmId vm2 = VmId.of(seed.vm2());
        Instant start = Instant.now();
        boolean converged = awaitReply(lab, vm1, SeedScenario.VM2_IP);
        out.printf("  hosts converged in %d ms%n", Duration.between(start, Instant.now()).toMillis());
        boolean routed = converged && check(out, "VM1 -> VM2 (routed by the DLR, seed 001)",
                lab.guests().ping(vm1, SeedScenario.VM2_IP, 3, Duration.ofMillis(100), Duration.ofSeconds(2)));
        boolean bridged = check(out, "VM2 -> physical server (bridged to VLAN 100, seed 004)",
                lab.guests().ping(vm2, SeedScenario.SERVER_IP, 3, Duration.ofMillis(100), Duration.ofSeconds(2)));
        boolean both = check(out, "VM1 -> physical server (routed, then bridged)",
                lab.guests().ping(vm1, SeedScenario.SERVER_IP, 3, Duration.ofMillis(100), Duration.ofSeconds(2)));
        out.println();
        out.flush();
        return routed && bridged && both;
    }

    /** Pings once a second until a reply comes back or {@link #CONVERGENCE} is over. */
    private static boolean awaitReply(AllInOne lab, VmId from, Ipv4Address to) throws InterruptedException {
        Instant deadline = Instant.now().plus(CONVERGENCE);
        while (Instant.now().isBefore(deadline)) {
            if (lab.guests().hostOf(from).isPresent()
                    && lab.guests().ping(from, to, 1, Duration.ZERO, Duration.ofSeconds(1)).allReplied()) {
                return true;
            }
            if (lab.guests().hostOf(from).isEmpty()) {
                Thread.sleep(100);
            }
        }
        return false;
    }

    private static boolean check(PrintWriter out, String what, PingResult r) {
        out.printf("  %-56s %d/%d replies, avg rtt %.3f ms, reply TTL %d  %s%n", what, r.received(), r.sent(),
                r.averageRttMillis(), r.replyTtl(), r.allReplied() ? "OK" : "FAILED");
        out.flush();
        return r.allReplied();
    }

    /** One health ping; whatever goes wrong is logged, the system keeps running. */
    private static void logHealth(AllInOne lab, SeedScenario.Built seed) {
        try {
            PingResult health = lab.guests().ping(VmId.of(seed.vm1()), SeedScenario.VM2_IP, 1, Duration.ZERO,
                    Duration.ofSeconds(1));
            log.info("health: VM1 -> VM2 {}", health.allReplied()
                    ? String.format("ok, rtt %.3f ms", health.averageRttMillis()) : "LOST");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("health: VM1 -> VM2 could not be checked: {}", e.toString());
        }
    }

    private static void awaitQuietly(CountDownLatch latch, Duration timeout) {
        try {
            latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Wipes what an earlier run left in {@code dir}: its store and its controllers' data, nothing
     * else. A directory holding anything more is refused rather than emptied.
     */
    private static void resetDataDir(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            List<String> foreign = entries.map(p -> p.getFileName().toString())
                    .filter(name -> !name.equals("manager") && !name.equals("controllers")).sorted().toList();
            if (!foreign.isEmpty()) {
                throw new InvalidValueException("data-dir", dir, "holds more than a Netweave run (" + foreign
                        + "); --reset only wipes manager/ and controllers/");
            }
        }
        deleteTree(dir.resolve("manager"));
        deleteTree(dir.resolve("controllers"));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
