package org.netweave.manager.neutron;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.netweave.proto.manager.v1.AgentNotification;
import org.netweave.proto.manager.v1.NeutronPort;
import org.netweave.proto.manager.v1.NeutronRouter;
import org.netweave.proto.manager.v1.RouterInterface;

/** The pure comparison behind the agents' notifications: who hears what, in which order. */
class AgentNotificationsTest {
    private static final NeutronPort ON_A = port("p-a", "s-a", "cn-1");
    private static final NeutronPort ON_B = port("p-b", "s-b", "cn-2");

    @Test
    void removingTheInterfaceOfAHostsOnlySubnetUpdatesThenRemovesTheRouterThere() {
        AgentTopology before = topology(router("r", "s-a", "s-b"), ON_A, ON_B);
        AgentTopology after = topology(router("r", "s-a"), ON_A, ON_B);

        Map<String, List<String>> casts = lines(AgentNotifications.between(before, after));

        assertThat(casts).containsOnlyKeys("cn-1", "cn-2");
        assertThat(casts.get("cn-1")).containsExactly("routers_updated [r]");
        assertThat(casts.get("cn-2")).containsExactly("routers_updated [r]", "router_removed r");
    }

    @Test
    void aPortThatMovesHostIsDeletedWhereItWasAndAddedWhereItIs() {
        NeutronPort moved = ON_A.toBuilder().setHost("cn-3").build();
        AgentTopology before = topology(router("r", "s-a", "s-b"), ON_A, ON_B);
        AgentTopology after = topology(router("r", "s-a", "s-b"), moved, ON_B);

        Map<String, List<String>> casts = lines(AgentNotifications.between(before, after));

        // cn-1 loses its only port on the router's subnets; cn-3 gains the router before it hears of the port.
        assertThat(casts.get("cn-1")).containsExactly("port_delete p-a", "router_removed r");
        assertThat(casts.get("cn-2")).containsExactly("port_delete p-a", "port_add p-a");
        assertThat(casts.get("cn-3")).containsExactly("routers_updated [r]", "port_add p-a");
    }

    @Test
    void nothingChangedNothingCast() {
        AgentTopology same = topology(router("r", "s-a"), ON_A, ON_B);
        assertThat(AgentNotifications.between(same, same)).isEmpty();
    }

    @Test
    void aPortOffEveryRouterReachesOnlyItsOwnHost() {
        Map<String, List<String>> casts = lines(AgentNotifications.between(topology(router("r", "s-a"), ON_A),
                topology(router("r", "s-a"), ON_A, ON_B)));
        assertThat(casts).containsOnlyKeys("cn-2");
        assertThat(casts.get("cn-2")).containsExactly("port_add p-b");
    }

    private static AgentTopology topology(NeutronRouter router, NeutronPort... ports) {
        TreeMap<String, NeutronPort> byId = new TreeMap<>();
        for (NeutronPort p : ports) {
            byId.put(p.getId(), p);
        }
        return new AgentTopology(new TreeMap<>(Map.of(router.getId(), router)), byId);
    }

    private static NeutronRouter router(String id, String... subnets) {
        NeutronRouter.Builder r = NeutronRouter.newBuilder().setId(id).setDlrId("dlr-" + id).setDistributed(true);
        for (String s : subnets) {
            r.addInterfaces(RouterInterface.newBuilder().setPortId("gw-" + s).setSubnetId(s));
        }
        return r.build();
    }

    private static NeutronPort port(String id, String subnet, String host) {
        return NeutronPort.newBuilder().setId(id).setSubnetId(subnet).setHost(host).build();
    }

    private static Map<String, List<String>> lines(Map<String, List<AgentNotification>> casts) {
        Map<String, List<String>> out = new TreeMap<>();
        casts.forEach((host, list) -> out.put(host, list.stream().map(NeutronAgentService::describe).toList()));
        return out;
    }
}
