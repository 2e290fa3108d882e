package org.netweave.bench.scale;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.netweave.controller.zk.ZkTuning;
import org.netweave.manager.Manager;
import org.netweave.manager.ManagerSettings;
import org.netweave.manager.auth.RateLimit;
import org.netweave.manager.controllers.EmbeddedControllerFleet;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.pki.ComponentIdentity;

/**
 * The scale harness of issue 5: the manager with three embedded controllers and N emulated hosts
 * in one JVM, the topology built through the API ({@link ScaleLab}), then three single changes
 * timed from the moment the API write answers until every affected host holds the change:
 *
 * <ul>
 *   <li>{@code vnic-attach}: a VM's vNIC attached to a logical switch; the one host the VM runs on
 *       has applied a configuration of at least the write's generation;</li>
 *   <li>{@code lif-add}: a LIF added to a deployed DLR; every host of the DLR's zone holds it, as
 *       its owning controller sent it (manager → DLR owner and control VM → owner → hosts);</li>
 *   <li>{@code route-add}: a static route added to a DLR (the control VM resolves it, the owner
 *       pushes it); every host of the zone holds it.</li>
 * </ul>
 *
 * <pre>
 * java -Xmx6g -cp netweave-bench/target/benchmarks.jar org.netweave.bench.scale.ScaleBenchmark hosts=1000
 * java -cp ... org.netweave.bench.scale.ScaleBenchmark hosts=20 podSize=20 switches=1000 ports=10 dlrs=100
 * </pre>
 *
 * Arguments (or {@code -Dscale.NAME=value}): see {@link ScaleSettings#parse}.
 */
public final class ScaleBenchmark {
    private static final Duration CHANGE_WAIT = Duration.ofSeconds(10);
    private static final Duration SYNC_WAIT = Duration.ofMinutes(5);

    private ScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ScaleSettings settings = ScaleSettings.parse(args);
        System.out.println("scale run: " + settings);
        System.out.print(run(settings));
        System.exit(0);
    }

    static ScaleReport run(ScaleSettings settings) throws Exception {
        Path dir = Files.createTempDirectory("netweave-scale");
        try (Manager manager = Manager.start(ManagerSettings.local(dir.resolve("manager")).withoutApiAuth()
                .withRateLimit(RateLimit.UNLIMITED), EmbeddedControllerFleet.create(
                dir.resolve("controllers"), ZkTuning.ofTick(Duration.ofMillis(200)), Duration.ofSeconds(4)))) {
            ScaleApi api = new ScaleApi(manager.apiPort());
            long setupStart = System.nanoTime();
            ScaleProgress progress = ScaleProgress.toStderr();
            ScaleLab lab = new ScaleLab(api, settings, progress).build();
            double setupSeconds = seconds(System.nanoTime() - setupStart);

            long heapBefore = usedHeap();
            try (ScaleHosts hosts = new ScaleHosts(manager.southboundPort(), lab.hosts(),
                    host -> manager.transportFor(ComponentIdentity.host(host)))) {
                long syncStart = System.nanoTime();
                hosts.start();
                progress.tell(settings.hosts() + " hosts started; waiting for every DLR on every host of its pod");
                int dlrs = lab.pods.stream().mapToInt(pod -> pod.dlrs().size()).sum();
                int synced = 0;
                for (ScaleLab.Pod pod : lab.pods) {
                    for (ScaleLab.Dlr dlr : pod.dlrs()) {
                        hosts.awaitAll(ids(pod.hosts()), host -> hosts.dlr(host, DlrId.of(dlr.id())).getLifsCount()
                                == dlr.lifSwitches().size(), SYNC_WAIT);
                        progress.step("DLRs on all their hosts", ++synced, dlrs, Math.max(1, dlrs / 10));
                    }
                }
                double syncSeconds = seconds(System.nanoTime() - syncStart);
                long heapPerHost = (usedHeap() - heapBefore) / settings.hosts();

                System.out.printf("lab built in %.1f s, hosts synced in %.1f s; measuring%n", setupSeconds, syncSeconds);
                Measurements measured = new Measurements(api, lab, hosts);
                for (int i = 0; i < settings.samples(); i++) {
                    measured.attachVnic(i);
                    measured.addLif(i);
                    measured.addRoute(i);
                    progress.step("samples (vNIC, LIF, route)", i + 1, settings.samples(),
                            Math.max(1, settings.samples() / 10));
                }
                return new ScaleReport(settings, setupSeconds, syncSeconds, heapPerHost, measured.realised(), measured.writes(),
                        measured.lost());
            }
        }
    }

    /** The timed changes, all on pod 0, with their samples. */
    private static final class Measurements {
        private static final List<String> KINDS = List.of("vnic-attach", "lif-add", "route-add");

        private final ScaleApi api;
        private final ScaleLab lab;
        private final ScaleHosts hosts;
        private final ScaleLab.Pod pod;
        private final List<List<Double>> realised = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        private final List<List<Double>> writes = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        private final int[] lost = new int[KINDS.size()];

        Measurements(ScaleApi api, ScaleLab lab, ScaleHosts hosts) {
            this.api = api;
            this.lab = lab;
            this.hosts = hosts;
            this.pod = lab.pods.getFirst();
        }

        void attachVnic(int i) {
            ScaleLab.Vm vm = pod.spareVms().get(i);
            HostId host = HostId.of(vm.host());
            long sent = System.nanoTime();
            long generation = api.put("/vms/" + vm.id() + "/vnics/0", "{\"logicalSwitchId\":\""
                    + lab.switchId(pod.spareSwitches().get(i)) + "\"}").at("/generation").asLong();
            timed(0, sent, () -> hosts.awaitAll(List.of(host), h -> hosts.appliedGeneration(h) >= generation, CHANGE_WAIT),
                    () -> host + " applied " + hosts.appliedGeneration(host) + ", the write was " + generation);
        }

        void addLif(int i) {
            ScaleLab.Dlr dlr = pod.dlrs().get(i % pod.dlrs().size());
            int lifs = dlr.lifSwitches().size() + 1;
            int switchIndex = pod.spareSwitches().get(i);
            long sent = System.nanoTime();
            api.post("/dlrs/" + dlr.id() + "/interfaces", lab.lif("sample-" + i, switchIndex));
            dlr.lifSwitches().add(switchIndex);
            DlrId id = DlrId.of(dlr.id());
            timed(1, sent, () -> hosts.awaitAll(ids(pod.hosts()), h -> hosts.dlr(h, id).getLifsCount() >= lifs, CHANGE_WAIT),
                    () -> id + " should have " + lifs + " LIFs; hosts by LIFs/routes: " + hosts.census(ids(pod.hosts()), id));
        }

        void addRoute(int i) {
            ScaleLab.Dlr dlr = pod.dlrs().get(i % pod.dlrs().size());
            DlrId id = DlrId.of(dlr.id());
            int routes = hosts.dlr(HostId.of(pod.hosts().getFirst()), id).getRoutesCount() + 1;
            dlr.routes().add("172." + (16 + i / 256) + "." + i % 256 + ".0/24");
            int nextHopSwitch = dlr.lifSwitches().getFirst();
            String body = "{\"staticRoutes\":[" + String.join(",", dlr.routes().stream()
                    .map(network -> ScaleLab.route(network, nextHopSwitch)).toList()) + "]}";
            long sent = System.nanoTime();
            api.put("/dlrs/" + dlr.id() + "/routing/static", body);
            timed(2, sent, () -> hosts.awaitAll(ids(pod.hosts()), h -> hosts.dlr(h, id).getRoutesCount() >= routes, CHANGE_WAIT),
                    () -> id + " should have " + routes + " routes; hosts by LIFs/routes: " + hosts.census(ids(pod.hosts()), id));
        }

        /**
         * Called right after the write answered: the write took until now, the hosts until
         * {@code realised} returns. A change that does not reach its hosts in time is counted as
         * lost (and described on stderr), not timed.
         */
        private void timed(int kind, long sent, LongSupplier realisedAt, Supplier<String> describe) {
            long answered = System.nanoTime();
            writes.get(kind).add((answered - sent) / 1e6);
            try {
                long done = realisedAt.getAsLong();
                realised.get(kind).add((done - answered) / 1e6);
            } catch (IllegalStateException e) {
                lost[kind]++;
                System.err.println(KINDS.get(kind) + " lost: " + e.getMessage() + "; " + describe.get());
            }
        }

        List<Integer> lost() {
            return java.util.Arrays.stream(lost).boxed().toList();
        }

        List<Latencies> realised() {
            return latencies(realised);
        }

        List<Latencies> writes() {
            return latencies(writes);
        }

        private static List<Latencies> latencies(List<List<Double>> samples) {
            List<Latencies> all = new ArrayList<>();
            for (int k = 0; k < KINDS.size(); k++) {
                all.add(new Latencies(KINDS.get(k), samples.get(k)));
            }
            return all;
        }
    }

    private static List<HostId> ids(List<String> hosts) {
        return hosts.stream().map(HostId::of).toList();
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
