package org.netweave.ovs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.netweave.dataplane.LogicalSwitchSpec;
import org.netweave.dataplane.emulated.EmulatedEndpoint;
import org.netweave.dataplane.emulated.EmulatedHost;
import org.netweave.dataplane.emulated.EmulatedLab;
import org.netweave.dataplane.emulated.PingResult;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;

/**
 * The same seed conformance suite on the emulated backend, so both backends answer to one set of
 * packet outcomes. Its VTEPs are UDP sockets on loopback addresses.
 */
class EmulatedConformanceTest extends SeedConformanceSuite {

    @Override
    ConformanceLab createLab() {
        EmulatedLab lab = new EmulatedLab(true);
        Ipv4Prefix segment = Ipv4Prefix.parse("127.0.77.0/24");
        List<EmulatedHost> hosts = List.of(
                lab.addHost("host-a", Ipv4Address.parse("127.0.77.1"), segment, 4789),
                lab.addHost("host-b", Ipv4Address.parse("127.0.77.2"), segment, 4789));
        lab.addLogicalSwitch(LogicalSwitchSpec.unicast(SeedFixture.VNI_A));
        lab.addLogicalSwitch(LogicalSwitchSpec.unicast(SeedFixture.VNI_B));
        lab.addDlr(SeedFixture.DLR, List.of(SeedFixture.LIF_A, SeedFixture.LIF_B));
        Map<String, EmulatedEndpoint> vms = new HashMap<>();
        for (SeedFixture.Vm vm : VMS) {
            vms.put(vm.name(), lab.addVm(vm.name(), hosts.get(vm.host()), vm.vni(), vm.mac(), vm.address(), vm.gateway()));
        }
        return new ConformanceLab() {
            @Override
            public PingOutcome ping(SeedFixture.Vm from, Ipv4Address target) {
                try {
                    PingResult r = vms.get(from.name()).ping(target, 3, 200, 2_000).get(10, TimeUnit.SECONDS);
                    return new PingOutcome(r.sent(), r.received(), r.replyTtl(), r.toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                } catch (ExecutionException | TimeoutException e) {
                    throw new IllegalStateException(from.name() + " -> " + target, e);
                }
            }

            @Override
            public long arpSuppressed(int host) {
                return hosts.get(host).counters().arpSuppressed();
            }

            @Override
            public void close() {
                lab.close();
            }
        };
    }
}
