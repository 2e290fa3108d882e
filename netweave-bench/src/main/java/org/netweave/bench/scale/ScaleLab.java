package org.netweave.bench.scale;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Builds the topology of a {@link ScaleSettings} through the manager's API, as an operator would:
 * three controllers, then per pod a cluster of hosts prepared from one VTEP pool, a transport zone
 * over that cluster, its logical switches, its VMs (created on a host, then their vNIC attached)
 * and its DLRs (the deployment job with one control VM each). Pod 0 also gets spare logical
 * switches and spare VMs with an unattached vNIC, one per sample, for the timed changes. Several
 * calls run at once (the store serialises the writes; the HTTP and JSON work overlaps).
 */
final class ScaleLab {
    private static final int CONCURRENT_CALLS = 8;

    /** A VM with one vNIC and the host it runs on. */
    record Vm(String id, String host) {
    }

    /** A deployed DLR: its LIFs' switch indexes and its static routes' networks. */
    record Dlr(String id, List<Integer> lifSwitches, List<String> routes) {
    }

    /** One cluster with its zone; switches by global index (10.k/256.k%256.0/24 is switch k's subnet). */
    record Pod(String cluster, String zone, List<String> hosts, List<Integer> switches, List<Dlr> dlrs,
               List<Integer> spareSwitches, List<Vm> spareVms) {
    }

    private final ScaleApi api;
    private final ScaleSettings settings;
    private final ScaleProgress progress;
    private final List<String> switchIds = new ArrayList<>();
    private final AtomicInteger hostNumber = new AtomicInteger();
    final List<Pod> pods = new ArrayList<>();

    ScaleLab(ScaleApi api, ScaleSettings settings, ScaleProgress progress) {
        this.progress = progress;
        this.api = api;
        this.settings = settings;
    }

    String switchId(int index) {
        return switchIds.get(index);
    }

    static String subnet(int switchIndex) {
        return "10." + switchIndex / 256 + "." + switchIndex % 256;
    }

    List<String> hosts() {
        return pods.stream().flatMap(pod -> pod.hosts().stream()).toList();
    }

    ScaleLab build() {
        for (int i = 0; i < 3; i++) {
            api.awaitJob(api.post("/controllers", "{}").at("/jobId").asText());
            progress.step("controllers deployed", i + 1, 3, 1);
        }
        String dc = api.post("/datacenters", "{\"name\":\"dc\"}").at("/id").asText();
        String pool = api.post("/ip-pools", "{\"name\":\"vteps\",\"start\":\"127.1.0.1\",\"end\":\"127.1.255.254\","
                + "\"prefixLength\":16}").at("/id").asText();
        api.post("/segment-pools", "{\"name\":\"segments\",\"begin\":5000,\"end\":900000}");
        int pods = settings.pods();
        for (int p = 0; p < pods; p++) {
            pods(p, dc, pool, Math.min(settings.podSize(), settings.hosts() - p * settings.podSize()));
            Pod pod = this.pods.getLast();
            progress.tell("pod " + (p + 1) + "/" + pods + " built: " + pod.hosts().size() + " hosts, "
                    + pod.switches().size() + " logical switches, " + pod.switches().size() * settings.ports() + " vNICs");
        }
        for (int p = 0; p < pods; p++) {
            deployDlrs(this.pods.get(p), p);
            progress.tell("pod " + (p + 1) + "/" + pods + ": " + this.pods.get(p).dlrs().size() + " DLRs deployed");
        }
        return this;
    }

    private void pods(int p, String dc, String pool, int hostCount) {
        String cluster = api.post("/clusters", "{\"datacenterId\":\"" + dc + "\",\"name\":\"pod-" + p + "\"}").at("/id").asText();
        List<String> hosts = parallel(hostCount, h -> {
            int n = hostNumber.incrementAndGet();
            String ip = "100.64." + n / 250 + "." + (n % 250 + 1);
            return api.post("/hosts", "{\"clusterId\":\"" + cluster + "\",\"name\":\"esx-" + n + "\",\"managementIp\":\"" + ip
                    + "\",\"vmkernelPorts\":[{\"device\":\"vmk0\",\"ip\":\"" + ip + "\",\"prefixLength\":16,"
                    + "\"services\":[\"MANAGEMENT\",\"VMOTION\"]}]}").at("/id").asText();
        });
        api.post("/clusters/" + cluster + "/prepare", "{\"ipPoolId\":\"" + pool + "\"}");
        String zone = api.post("/transport-zones", "{\"name\":\"tz-" + p + "\",\"replicationMode\":\"UNICAST\",\"clusterIds\":[\""
                + cluster + "\"]}").at("/id").asText();
        List<Integer> switches = switches(zone, settings.switches() / settings.pods());
        List<Integer> spare = p == 0 ? switches(zone, settings.samples()) : List.of();
        int ports = settings.ports();
        parallel(switches.size() * ports, i -> {
            Vm vm = vm("vm-" + switches.get(i / ports) + "-" + i % ports, hosts.get(i % hosts.size()),
                    subnet(switches.get(i / ports)) + "." + (10 + i % ports));
            api.put("/vms/" + vm.id() + "/vnics/0", "{\"logicalSwitchId\":\"" + switchId(switches.get(i / ports)) + "\"}");
            return vm;
        });
        List<Vm> spareVms = p == 0 ? parallel(settings.samples(), i -> vm("spare-" + i, hosts.get(i % hosts.size()),
                subnet(spare.get(i)) + ".10")) : List.of();
        pods.add(new Pod(cluster, zone, hosts, switches, new ArrayList<>(), spare, spareVms));
    }

    private List<Integer> switches(String zone, int count) {
        int first = switchIds.size();
        List<String> created = parallel(count, i -> api.post("/logical-switches", "{\"name\":\"ls-" + (first + i)
                + "\",\"transportZoneId\":\"" + zone + "\"}").at("/id").asText());
        switchIds.addAll(created);
        return java.util.stream.IntStream.range(first, first + count).boxed().toList();
    }

    private Vm vm(String name, String host, String ip) {
        String id = api.post("/vms", "{\"name\":\"" + name + "\",\"hostId\":\"" + host + "\",\"vnics\":[{\"ip\":\"" + ip + "\"}]}")
                .at("/id").asText();
        return new Vm(id, host);
    }

    /** The pod's DLRs, all jobs started at once; each has a LIF on each of its share of the pod's switches and one route. */
    private void deployDlrs(Pod pod, int p) {
        int perPod = settings.dlrs() / settings.pods();
        int lifs = pod.switches().size() / perPod;
        List<Dlr> dlrs = new ArrayList<>();
        List<String> jobs = new ArrayList<>();
        for (int d = 0; d < perPod; d++) {
            List<Integer> lifSwitches = pod.switches().subList(d * lifs, (d + 1) * lifs);
            int global = p * perPod + d;
            String route = "198.18." + global % 256 + ".0/" + (24 + global / 256);
            StringBuilder body = new StringBuilder("{\"name\":\"dlr-" + global + "\",\"controlVm\":{\"haEnabled\":false},\"interfaces\":[");
            for (int i = 0; i < lifSwitches.size(); i++) {
                body.append(i == 0 ? "" : ",").append(lif("lif-" + i, lifSwitches.get(i)));
            }
            body.append("],\"staticRoutes\":[").append(route(route, lifSwitches.getFirst())).append("]}");
            var accepted = api.post("/dlrs", body.toString());
            jobs.add(accepted.at("/jobId").asText());
            dlrs.add(new Dlr(accepted.at("/dlrId").asText(), new ArrayList<>(lifSwitches), new ArrayList<>(List.of(route))));
        }
        jobs.forEach(api::awaitJob);
        pod.dlrs().addAll(dlrs);
    }

    String lif(String name, int switchIndex) {
        return "{\"name\":\"" + name + "\",\"type\":\"INTERNAL\",\"logicalSwitchId\":\"" + switchId(switchIndex)
                + "\",\"address\":\"" + subnet(switchIndex) + ".1/24\"}";
    }

    static String route(String network, int switchIndex) {
        return "{\"network\":\"" + network + "\",\"nextHop\":\"" + subnet(switchIndex) + ".254\"}";
    }

    /** {@code call(0 .. count-1)} with a few calls at a time; the answers in order. */
    static <T> List<T> parallel(int count, IntFunction<T> call) {
        Semaphore slots = new Semaphore(CONCURRENT_CALLS);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                answers.add(threads.submit(() -> {
                    slots.acquire();
                    try {
                        return call.apply(index);
                    } finally {
                        slots.release();
                    }
                }));
            }
            List<T> result = new ArrayList<>();
            for (Future<T> answer : answers) {
                result.add(answer.get());
            }
            return result;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a setup call failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
