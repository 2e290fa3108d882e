package org.netweave.ovs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.netweave.model.Vni;

class LocalVlansTest {

    @Test
    void aVniKeepsItsVlanWhateverOtherVnisArriveUnlessTheyCollide() {
        LocalVlans alone = LocalVlans.allocate(List.of(Vni.of(5001)));
        LocalVlans withOthers = LocalVlans.allocate(List.of(Vni.of(9000), Vni.of(5001), Vni.of(5000)));
        assertThat(withOthers.of(Vni.of(5001))).isEqualTo(alone.of(Vni.of(5001))).isEqualTo(5001 % 4094 + 1);
    }

    @Test
    void collidingVnisGetDistinctVlansInAscendingVniOrder() {
        Vni low = Vni.of(5000);
        Vni high = Vni.of(5000 + 4094);
        LocalVlans vlans = LocalVlans.allocate(List.of(high, low));
        assertThat(vlans.of(low)).isEqualTo(907);
        assertThat(vlans.of(high)).isEqualTo(908);
        assertThat(LocalVlans.allocate(List.of(low, high)).asMap()).isEqualTo(vlans.asMap());
    }

    @Test
    void vlansStayWithinOneTo4094() {
        Vni top = Vni.of(4093 + 4094 * 2);
        assertThat(LocalVlans.allocate(List.of(top)).of(top)).isEqualTo(4094);
        Vni wraps = Vni.of(4093 + 4094 * 3);
        assertThat(LocalVlans.allocate(List.of(top, wraps)).of(wraps)).isEqualTo(1);
    }

    /** The VLAN a VNI's ports and flows carry never moves while the host holds the VNI. */
    @Test
    void aVniKeepsItsVlanWhenAnotherVniArrivesOnItsPreferredIdOrItsCollisionPartnerLeaves() {
        Vni low = Vni.of(5000);
        Vni high = Vni.of(5000 + 4094);
        LocalVlans first = LocalVlans.allocate(List.of(low, high));
        assertThat(first.of(high)).isEqualTo(908);

        LocalVlans next = LocalVlans.allocate(List.of(low, high, Vni.of(5001)), first);
        assertThat(next.of(high)).as("5001 prefers 908, which high already has").isEqualTo(908);
        assertThat(next.of(Vni.of(5001))).isEqualTo(909);

        LocalVlans after = LocalVlans.allocate(List.of(high, Vni.of(5001)), next);
        assertThat(after.of(high)).isEqualTo(908);
        assertThat(after.of(Vni.of(5001))).isEqualTo(909);
    }
}
