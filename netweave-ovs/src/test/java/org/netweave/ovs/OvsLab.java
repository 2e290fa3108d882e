package org.netweave.ovs;

import static org.netweave.ovs.Net.inNetns;
import static org.netweave.ovs.Net.must;
import static org.netweave.ovs.Net.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.netweave.dataplane.HostDatapathConfig;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.MacAddress;

/**
 * The seed fixture's lab on real Open vSwitch ({@link NamespaceLab}): hypervisors {@code hv0},
 * {@code hv1} …, VMs named as in {@link SeedFixture}, everything in namespaces named after this
 * JVM's pid. {@link #close} removes all of it.
 */
final class OvsLab implements AutoCloseable {
    final String prefix = "nw" + ProcessHandle.current().pid() + "-";
    final String underlay;
    private final NamespaceLab lab;
    private final List<OvsDatapath> datapaths = new java.util.ArrayList<>();

    OvsLab() {
        try {
            lab = NamespaceLab.create(prefix, Files.createTempDirectory("nw-ovs-lab"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        underlay = lab.underlayNamespace();
    }

    /**
     * The seed fixture on two hypervisors: VM namespaces, the host agent's changes and every
     * host's DVR MAC. Closes what it built if a step fails.
     */
    static OvsLab seed(List<SeedFixture.Vm> vms) {
        OvsLab lab = new OvsLab();
        try {
            for (int h = 0; h < 2; h++) {
                lab.addHypervisor(SeedFixture.config(h), h);
            }
            lab.lab.learnUnderlayNeighbours();
            vms.forEach(lab::addVm);
            for (int h = 0; h < 2; h++) {
                lab.host(h).apply(SeedFixture.changesFor(h, vms));
                lab.host(h).setPeerRouterMacs(Set.of(SeedFixture.dvrMac(0), SeedFixture.dvrMac(1)));
            }
            return lab;
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    OvsDatapath host(int host) {
        return datapaths.get(host);
    }

    String vmNamespace(String vm) {
        return lab.guestNamespace(vm);
    }

    /** Starts hypervisor {@code hv<host>} with its private OVS, its underlay link and its datapath. */
    OvsDatapath addHypervisor(HostDatapathConfig config, int host) {
        OvsDatapath dp = lab.addHypervisor("hv" + host, config, config.vtepSegment());
        datapaths.add(dp);
        return dp;
    }

    /** A VM namespace plugged into hypervisor {@code hv<host>}. */
    void addVm(SeedFixture.Vm vm) {
        lab.addGuest(vm.name(), "hv" + vm.host(), vm.port().id(), vm.mac(), vm.address(), vm.gateway());
    }

    void removeVm(String vm) {
        lab.removeGuest(vm);
    }

    void addVlanServer(String name, MacAddress mac, Ipv4InterfaceAddress address, Ipv4Address gateway, int vlan) {
        lab.addVlanServer(name, mac, address, gateway, vlan);
    }

    Exec.Result ping(String vm, String target) {
        return run(inNetns(vmNamespace(vm), "ping", "-c", "3", "-i", "0.2", "-W", "2", target));
    }

    /** The VM's neighbour entry for an address, e.g. "10.0.1.20 dev eth0 lladdr fa:16:.. REACHABLE", or "". */
    String neighbour(String vm, String ip) {
        return run(inNetns(vmNamespace(vm), "ip", "neigh", "show", ip)).output().strip();
    }

    void flushNeighbours(String vm) {
        must(inNetns(vmNamespace(vm), "ip", "neigh", "flush", "all"));
    }

    Path dir() {
        return lab.dir();
    }

    @Override
    public void close() {
        lab.close();
    }
}
