package org.netweave.dataplane.emulated;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.netweave.dataplane.DatapathChange.PutArpEntry;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;

/**
 * The DLR's neighbour view ({@code net-vdr --nbr -l}): each LIF's own address, then the ARP
 * bindings of the LIF's logical switch that lie on the LIF's subnet, which is where the router
 * resolves next hops.
 */
class RouterNeighboursTest {
    final EngineHarness h = new EngineHarness().seedTopology();

    private List<String> neighbours() {
        return h.engine.tables().router(EngineHarness.DLR).neighbours().stream()
                .map(n -> n.lif() + " " + n.ip() + " " + n.mac() + " " + n.flags()).toList();
    }

    @Test
    void listsEachLifsAddressThenTheBindingsOnItsSubnet() {
        h.engine.apply(List.of(new PutArpEntry(Vni.of(5001), Ipv4Address.parse("10.0.2.254"),
                MacAddress.parse("00:50:56:00:02:fe"))));

        assertThat(neighbours()).containsExactly(
                "lif-5000 10.0.1.1 02:50:56:56:44:52 VI",
                "lif-5001 10.0.2.1 02:50:56:56:44:52 VI",
                "lif-5001 10.0.2.10 00:50:56:00:02:0a V",
                "lif-5001 10.0.2.254 00:50:56:00:02:fe V");
    }

    @Test
    void aBindingOffTheLifsSubnetIsNotANeighbour() {
        h.engine.apply(List.of(new PutArpEntry(Vni.of(5001), Ipv4Address.parse("172.16.0.5"),
                MacAddress.parse("00:50:56:00:09:05"))));

        assertThat(neighbours()).noneMatch(n -> n.contains("172.16.0.5"));
    }
}
