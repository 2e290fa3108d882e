package org.netweave.bench.scale;

import java.util.HashMap;
import java.util.Map;

/**
 * The shape of one scale run. Hosts come in pods of {@code podSize}: a cluster with its own
 * transport zone, so a pod's logical switches and DLRs span its hosts only (the "per 100
 * hosts: 100 logical switches, 10 DLRs, 1,000 VMs" is one pod). Switches, DLRs and VMs are spread
 * evenly over the pods; each DLR has a LIF on {@code switches / dlrs} of its pod's switches and
 * each switch has {@code ports} VMs with one vNIC on it.
 *
 * @param samples how many of each single change to time
 */
public record ScaleSettings(int hosts, int podSize, int switches, int ports, int dlrs, int samples) {
    public ScaleSettings {
        if (hosts < 1 || podSize < 1 || switches < 1 || ports < 0 || dlrs < 1 || samples < 1) {
            throw new IllegalArgumentException("every count must be positive (ports may be 0)");
        }
        if (switches % pods(hosts, podSize) != 0 || dlrs % pods(hosts, podSize) != 0) {
            throw new IllegalArgumentException("switches and dlrs must divide evenly over " + pods(hosts, podSize) + " pods");
        }
        if ((switches / pods(hosts, podSize)) % (dlrs / pods(hosts, podSize)) != 0) {
            throw new IllegalArgumentException("a pod's switches must divide evenly over its DLRs");
        }
    }

    /** The realistic topology for {@code hosts} hosts: per 100 hosts 100 switches, 10 DLRs, 1,000 VMs. */
    public static ScaleSettings realistic(int hosts, int samples) {
        int pods = pods(hosts, 100);
        return new ScaleSettings(hosts, 100, Math.max(pods, hosts), 10, Math.max(pods, hosts / 10), samples);
    }

    /**
     * From {@code key=value} arguments, then {@code -Dscale.key=value} properties: {@code hosts}
     * (default 100), {@code samples} (30), and to leave the realistic shape, {@code switches},
     * {@code ports}, {@code dlrs} and {@code podSize}.
     */
    public static ScaleSettings parse(String[] args) {
        Map<String, Integer> given = new HashMap<>();
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("scale."))
                .forEach(name -> given.put(name.substring("scale.".length()), Integer.parseInt(System.getProperty(name))));
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("arguments are key=value, not " + arg);
            }
            given.put(pair[0], Integer.parseInt(pair[1]));
        }
        ScaleSettings base = realistic(given.getOrDefault("hosts", 100), given.getOrDefault("samples", 30));
        return new ScaleSettings(base.hosts(), given.getOrDefault("podSize", base.podSize()),
                given.getOrDefault("switches", base.switches()), given.getOrDefault("ports", base.ports()),
                given.getOrDefault("dlrs", base.dlrs()), base.samples());
    }

    public int pods() {
        return pods(hosts, podSize);
    }

    public int vms() {
        return switches * ports;
    }

    private static int pods(int hosts, int podSize) {
        return Math.ceilDiv(hosts, podSize);
    }

    @Override
    public String toString() {
        return hosts + " hosts in " + pods() + " pods, " + switches + " logical switches x " + ports + " ports ("
                + vms() + " VMs), " + dlrs + " DLRs, " + samples + " samples per change";
    }
}
