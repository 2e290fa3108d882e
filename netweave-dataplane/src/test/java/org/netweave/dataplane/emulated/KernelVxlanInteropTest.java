package org.netweave.dataplane.emulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netweave.dataplane.emulated.LinuxNet.inNetns;
import static org.netweave.dataplane.emulated.LinuxNet.must;
import static org.netweave.dataplane.emulated.LinuxNet.run;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.netweave.dataplane.DatapathChange.PutExternalVtep;
import org.netweave.dataplane.ExternalVtep;
import org.netweave.dataplane.Lif;
import org.netweave.dataplane.LifType;
import org.netweave.dataplane.LogicalSwitchSpec;
import org.netweave.model.DlrId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.LifId;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;

/**
 * Interop with the Linux kernel's VXLAN: a network namespace with a kernel IP stack behind a
 * kernel {@code vxlan} device (VNI 5001) is attached to logical switch 5001 as an external VTEP.
 * The namespace reaches a VM on the same segment (L2), a VM on VNI 5000 through the DLR, and
 * both VMs reach it back. The underlay is a veth pair this test creates: the emulated hosts'
 * VTEPs sit on the root side (198.18.77.1 and .3), the kernel VTEP on the namespace side (.2).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KernelVxlanInteropTest {
    static final String NETNS = "nw-kvx-" + ProcessHandle.current().pid();
    static final String VETH_ROOT = "nwkvx" + ProcessHandle.current().pid() % 100_000 + "a";
    static final String VETH_NS = "nwkvx" + ProcessHandle.current().pid() % 100_000 + "b";
    static final Ipv4Address KERNEL_VTEP = Ipv4Address.parse("198.18.77.2");
    static final MacAddress KERNEL_MAC = MacAddress.parse("02:00:00:00:99:01");
    static final Ipv4Address KERNEL_IP = Ipv4Address.parse("10.0.2.50");

    EmulatedLab lab;
    EmulatedEndpoint vm1;
    EmulatedEndpoint vm2;

    @BeforeAll
    void buildNamespaceAndHosts() {
        LinuxNet.requireOrSkip("KernelVxlanInteropTest", LinuxNet.whyUnavailable());
        cleanUp();
        must("ip", "netns", "add", NETNS);
        must("ip", "link", "add", VETH_ROOT, "type", "veth", "peer", "name", VETH_NS);
        must("ip", "link", "set", VETH_NS, "netns", NETNS);
        must("ip", "addr", "add", "198.18.77.1/24", "dev", VETH_ROOT);
        must("ip", "addr", "add", "198.18.77.3/24", "dev", VETH_ROOT);
        must("ip", "link", "set", VETH_ROOT, "up");
        must(inNetns(NETNS, "ip", "link", "set", "lo", "up"));
        must(inNetns(NETNS, "ip", "addr", "add", "198.18.77.2/24", "dev", VETH_NS));
        must(inNetns(NETNS, "ip", "link", "set", VETH_NS, "up"));
        must(inNetns(NETNS, "ip", "link", "add", "vx5001", "address", KERNEL_MAC.toString(), "type", "vxlan", "id", "5001",
                "local", "198.18.77.2", "dstport", "4789", "dev", VETH_NS));
        // Head-end replication list of the kernel VTEP: BUM frames go to both emulated VTEPs.
        must(inNetns(NETNS, "bridge", "fdb", "append", "00:00:00:00:00:00", "dev", "vx5001", "dst", "198.18.77.1"));
        must(inNetns(NETNS, "bridge", "fdb", "append", "00:00:00:00:00:00", "dev", "vx5001", "dst", "198.18.77.3"));
        must(inNetns(NETNS, "ip", "addr", "add", KERNEL_IP + "/24", "dev", "vx5001"));
        must(inNetns(NETNS, "ip", "link", "set", "vx5001", "up"));
        must(inNetns(NETNS, "ip", "route", "add", "default", "via", "10.0.2.1"));

        lab = new EmulatedLab(true);
        Ipv4Prefix underlay = Ipv4Prefix.parse("198.18.77.0/24");
        EmulatedHost a = lab.addHost("host-a", Ipv4Address.parse("198.18.77.1"), underlay, 4789);
        EmulatedHost b = lab.addHost("host-b", Ipv4Address.parse("198.18.77.3"), underlay, 4789);
        lab.addLogicalSwitch(LogicalSwitchSpec.unicast(Vni.of(5000)));
        lab.addLogicalSwitch(LogicalSwitchSpec.unicast(Vni.of(5001)));
        MacAddress vmac = MacAddress.parse("02:50:56:56:44:52");
        lab.addDlr(DlrId.of("edge-1"), List.of(
                new Lif(LifId.of("lif-5000"), LifType.INTERNAL, Vni.of(5000), Ipv4InterfaceAddress.parse("10.0.1.1/24"), vmac, false),
                new Lif(LifId.of("lif-5001"), LifType.INTERNAL, Vni.of(5001), Ipv4InterfaceAddress.parse("10.0.2.1/24"), vmac, false)));
        vm1 = lab.addVm("vm1", a, Vni.of(5000), MacAddress.parse("00:50:56:00:01:0a"),
                Ipv4InterfaceAddress.parse("10.0.1.10/24"), Ipv4Address.parse("10.0.1.1"));
        vm2 = lab.addVm("vm2", b, Vni.of(5001), MacAddress.parse("00:50:56:00:02:0a"),
                Ipv4InterfaceAddress.parse("10.0.2.10/24"), Ipv4Address.parse("10.0.2.1"));
        lab.applyEverywhere(List.of(new PutExternalVtep(Vni.of(5001),
                new ExternalVtep(KERNEL_VTEP, Map.of(KERNEL_IP, KERNEL_MAC)))));
    }

    @AfterAll
    void tearDown() {
        if (lab != null) {
            lab.close();
        }
        cleanUp();
    }

    private static void cleanUp() {
        run("ip", "netns", "del", NETNS);
        run("ip", "link", "del", VETH_ROOT);
    }

    @Test
    void kernelStackReachesTheVmOnItsOwnSegment() {
        LinuxNet.Result ping = run(inNetns(NETNS, "ping", "-c", "3", "-i", "0.2", "-W", "2", "10.0.2.10"));
        assertThat(ping.output()).as(ping.output()).contains("3 received");
    }

    @Test
    void kernelStackReachesTheVmBehindTheDlr() {
        LinuxNet.Result ping = run(inNetns(NETNS, "ping", "-c", "3", "-i", "0.2", "-W", "2", "10.0.1.10"));
        assertThat(ping.output()).as(ping.output()).contains("3 received");
        assertThat(ping.output()).as("one routed hop: the VM's TTL 64 arrives as 63").contains("ttl=63");
    }

    @Test
    void vmsReachTheKernelStackBack() throws Exception {
        PingResult l2 = vm2.ping(KERNEL_IP, 3, 100, 2_000).get(10, TimeUnit.SECONDS);
        assertThat(l2.allReplied()).as("vm2 -> kernel").isTrue();
        assertThat(l2.replyTtl()).isEqualTo(64);
        PingResult routed = vm1.ping(KERNEL_IP, 3, 100, 2_000).get(10, TimeUnit.SECONDS);
        assertThat(routed.allReplied()).as("vm1 -> kernel through the DLR").isTrue();
        assertThat(routed.replyTtl()).isEqualTo(63);
    }
}
