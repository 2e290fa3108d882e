package org.netweave.controller.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.netweave.controller.cluster.RoleStatus;
import org.netweave.controller.slice.Role;
import org.netweave.controller.zk.ClusterStatus;
import org.netweave.controller.zk.EnsembleView;
import org.netweave.controller.zk.PeerSpec;
import org.netweave.model.ControllerId;

/** Golden text of the NSX control-cluster views, in NSX 6.x's column layout. */
class ControlClusterTextTest {
    private static final String CLUSTER_ID = "b20ddc88-cd62-49ad-b120-572c23108520";
    private static final PeerSpec C1 = peer(1, "192.168.110.201");
    private static final PeerSpec C2 = peer(2, "192.168.110.202");
    private static final PeerSpec C3 = peer(3, "192.168.110.203");
    private static final Instant CHANGED = Instant.parse("2024-09-18T08:45:17Z");

    private static PeerSpec peer(int n, String host) {
        return new PeerSpec(ControllerId.of("controller-" + n), n, host, 2878, 2888, 3888);
    }

    private static EnsembleView view(PeerSpec... members) {
        return new EnsembleView(0x1_0000_0003L, List.of(members), Optional.of(CLUSTER_ID));
    }

    @Test
    void statusOfAHealthyThreeNodeClusterEndsWithEveryRoleEnabledAndActivated() {
        ClusterStatus status = ClusterStatus.of(view(C1, C2, C3), C1, true, Set.of(1, 2, 3));

        assertThat(ControlClusterStatusText.status(status, RoleActivity.allRoles(true))).isEqualTo("""
                Type                Status
                --------------------------------------------------------------------------------
                Join status:        Join complete
                Majority status:    Connected to cluster majority
                Restart status:     This controller can be safely restarted
                Cluster ID:         b20ddc88-cd62-49ad-b120-572c23108520
                Node ID:            controller-1

                Role                Configured status   Active status
                --------------------------------------------------------------------------------
                api_provider        enabled             activated
                persistence_server  enabled             activated
                switch_manager      enabled             activated
                logical_manager     enabled             activated
                directory_server    enabled             activated
                """);
    }

    @Test
    void statusOfALoneSurvivorSaysItsMajorityIsInterrupted() {
        ClusterStatus status = ClusterStatus.of(view(C1, C2, C3), C2, false, Set.of(2));

        assertThat(ControlClusterStatusText.status(status, List.of(new RoleActivity(Role.SWITCH_MANAGER, true, false))))
                .isEqualTo("""
                        Type                Status
                        --------------------------------------------------------------------------------
                        Join status:        Join complete
                        Majority status:    Interrupted connection to cluster majority
                        Restart status:     This controller cannot be safely restarted: it is not connected to the cluster majority
                        Cluster ID:         b20ddc88-cd62-49ad-b120-572c23108520
                        Node ID:            controller-2

                        Role                Configured status   Active status
                        --------------------------------------------------------------------------------
                        switch_manager      enabled             not activated
                        """);
    }

    @Test
    void rolesShowNsxColumnsWithTheApiProviderNotConfiguredAndOnlyShardingRolesListening() {
        List<RoleStatus> roles = List.of(
                new RoleStatus(Role.API_PROVIDER, "192.168.110.201:1234", true, Optional.of(CHANGED), 6),
                new RoleStatus(Role.PERSISTENCE_SERVER, "192.168.110.201:1234", false, Optional.of(CHANGED), 5),
                new RoleStatus(Role.SWITCH_MANAGER, "127.0.0.1:1234", true, Optional.of(CHANGED), 6),
                new RoleStatus(Role.LOGICAL_MANAGER, "127.0.0.1:1234", true, Optional.of(CHANGED), 6),
                new RoleStatus(Role.DIRECTORY_SERVER, "127.0.0.1:1234", false, Optional.empty(), 0));

        assertThat(ControlClusterRolesText.render(roles, ZoneOffset.UTC)).isEqualTo("""
                                          Listen-IP  Master?    Last-Changed  Count
                api_provider         Not configured      Yes  09/18 08:45:17      6
                persistence_server              N/A       No  09/18 08:45:17      5
                switch_manager       127.0.0.1:1234      Yes  09/18 08:45:17      6
                logical_manager      127.0.0.1:1234      Yes  09/18 08:45:17      6
                directory_server                N/A       No           never      0
                """);
    }

    @Test
    void aListenAddressWiderThanNsxsColumnWidensItAndKeepsTheOthersAligned() {
        List<RoleStatus> roles = List.of(
                new RoleStatus(Role.SWITCH_MANAGER, "192.168.110.201:40123", false, Optional.of(CHANGED), 1),
                new RoleStatus(Role.LOGICAL_MANAGER, "10.0.0.1:1234", true, Optional.of(CHANGED), 12));

        assertThat(ControlClusterRolesText.render(roles, ZoneOffset.ofHours(2))).isEqualTo("""
                                                Listen-IP  Master?    Last-Changed  Count
                switch_manager      192.168.110.201:40123       No  09/18 10:45:17      1
                logical_manager             10.0.0.1:1234      Yes  09/18 10:45:17     12
                """);
    }

    @Test
    void startupNodesListTheMembersInServerIdOrderOnOneLine() {
        assertThat(ControlClusterStatusText.startupNodes(view(C3, C1, C2)))
                .isEqualTo("192.168.110.201, 192.168.110.202, 192.168.110.203\n");
    }
}
