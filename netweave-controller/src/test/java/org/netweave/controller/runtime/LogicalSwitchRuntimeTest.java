package org.netweave.controller.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.netweave.controller.runtime.Fixtures.SEGMENT;
import static org.netweave.controller.runtime.Fixtures.VNI;
import static org.netweave.controller.runtime.Fixtures.connection;
import static org.netweave.controller.runtime.Fixtures.id;
import static org.netweave.controller.runtime.Fixtures.ip;
import static org.netweave.controller.runtime.Fixtures.mac;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.ReplicationMode;
import org.netweave.model.Vni;

class LogicalSwitchRuntimeTest {
    private static final HostConnection A = connection(1, "esx-a", "192.168.110.51", 17499);
    private static final HostConnection B = connection(2, "esx-b", "192.168.110.52", 46396);
    /** Host A again over a new stream, as after a reconnect. */
    private static final HostConnection A2 = connection(7, "esx-a", "192.168.110.51", 18000);
    private static final Ipv4Address VTEP_A = ip("192.168.250.51");
    private static final Ipv4Address VTEP_B = ip("192.168.250.52");
    private static final MacAddress VTEP_MAC_A = mac("00:50:56:66:e2:ef");
    private static final MacAddress VTEP_MAC_B = mac("00:50:56:64:f4:25");
    private static final MacAddress VM1 = mac("00:50:56:ae:9b:be");
    private static final MacAddress VM2 = mac("00:50:56:a6:7a:a2");
    private static final Ipv4Address VM1_IP = ip("172.16.10.11");

    private final LogicalSwitchRuntime ls = new LogicalSwitchRuntime(
            new LogicalSwitchSettings(VNI, "web", ReplicationMode.UNICAST, true));

    private VniDelta joinA() {
        return ls.join(A, VTEP_A, SEGMENT, VTEP_MAC_A);
    }

    private VniDelta joinB() {
        return ls.join(B, VTEP_B, SEGMENT, VTEP_MAC_B);
    }

    @Test
    void joiningAddsTheVtepAndJoiningAgainChangesNothing() {
        VniDelta delta = joinA();

        assertThat(delta.vtepsAdded()).containsExactly(new VtepRow(VNI, VTEP_A, SEGMENT, VTEP_MAC_A, A.id()));
        assertThat(joinA().isEmpty()).isTrue();
        assertThat(ls.joinedConnections()).containsExactly(A);
        assertThat(ls.snapshot().vteps()).hasSize(1);
    }

    @Test
    void aJoinedHostsMacsSitBehindTheVtepItJoinedWith() {
        joinA();

        VniDelta delta = ls.reportMacs(A.id(), List.of(VM1), List.of());

        assertThat(delta.macsAdded()).containsExactly(new MacRow(VNI, VM1, VTEP_A, A.id()));
        assertThat(ls.snapshot().macs()).containsExactly(new MacRow(VNI, VM1, VTEP_A, A.id()));
    }

    @Test
    void reReportingTheSameEntriesIsIdempotentAndProducesNoDelta() {
        joinA();
        ls.reportMacs(A.id(), List.of(VM1, VM2), List.of());
        ls.reportArps(A.id(), Map.of(VM1_IP, VM1), List.of());
        VniTablesSnapshot before = ls.snapshot();

        assertThat(joinA().isEmpty()).isTrue();
        assertThat(ls.reportMacs(A.id(), List.of(VM2, VM1), List.of()).isEmpty()).isTrue();
        assertThat(ls.reportArps(A.id(), Map.of(VM1_IP, VM1), List.of()).isEmpty()).isTrue();
        assertThat(ls.snapshot()).isEqualTo(before);
    }

    @Test
    void aConnectionThatHasNotJoinedTheVniIsRefusedNamingTheVniAndTheConnection() {
        joinA();

        assertThatThrownBy(() -> ls.reportMacs(B.id(), List.of(VM1), List.of()))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("connectionId"))
                .hasMessageContaining("connectionId: 2").hasMessageContaining("has not joined vni 5001");
        assertThatThrownBy(() -> ls.reportArps(B.id(), Map.of(VM1_IP, VM1), List.of()))
                .hasMessageContaining("connectionId: 2").hasMessageContaining("vni 5001");
        assertThat(ls.snapshot().macs()).isEmpty();
    }

    @Test
    void aReportWithOneBadEntryIsRefusedWholeAndChangesNothing() {
        joinA();
        ls.reportMacs(A.id(), List.of(VM1), List.of());
        VniTablesSnapshot before = ls.snapshot();

        assertThatThrownBy(() -> ls.reportMacs(A.id(), List.of(VM2, MacAddress.BROADCAST), List.of(VM1)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("mac"));
        assertThatThrownBy(() -> ls.reportArps(A.id(), Map.of(ip("224.0.0.5"), VM1), List.of()))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("ip"));
        assertThat(ls.snapshot()).isEqualTo(before);
    }

    @Test
    void aMacReportedByAnotherHostMovesThereAndTheLastReportWins() {
        joinA();
        joinB();
        ls.reportMacs(A.id(), List.of(VM1), List.of());

        VniDelta vMotion = ls.reportMacs(B.id(), List.of(VM1), List.of());

        assertThat(vMotion.macsAdded()).containsExactly(new MacRow(VNI, VM1, VTEP_B, B.id()));
        assertThat(vMotion.macsRemoved()).isEmpty();
        assertThat(ls.snapshot().macs()).containsExactly(new MacRow(VNI, VM1, VTEP_B, B.id()));
    }

    @Test
    void theOldHostsLaterRemovalOfAMovedMacDoesNotDeleteIt() {
        joinA();
        joinB();
        ls.reportMacs(A.id(), List.of(VM1), List.of());
        ls.reportMacs(B.id(), List.of(VM1), List.of());

        VniDelta lateRemoval = ls.reportMacs(A.id(), List.of(), List.of(VM1));

        assertThat(lateRemoval.isEmpty()).isTrue();
        assertThat(ls.snapshot().macs()).containsExactly(new MacRow(VNI, VM1, VTEP_B, B.id()));
    }

    @Test
    void anArpBindingMovesLikeAMacAndTheOldHostsRemovalIsIgnored() {
        joinA();
        joinB();
        ls.reportArps(A.id(), Map.of(VM1_IP, VM1), List.of());

        VniDelta moved = ls.reportArps(B.id(), Map.of(VM1_IP, VM2), List.of());
        VniDelta lateRemoval = ls.reportArps(A.id(), Map.of(), List.of(VM1_IP));

        assertThat(moved.arpsAdded()).containsExactly(new ArpRow(VNI, VM1_IP, VM2, B.id()));
        assertThat(lateRemoval.isEmpty()).isTrue();
        assertThat(ls.lookupArp(VM1_IP)).contains(VM2);
    }

    @Test
    void theOldHostsDisconnectKeepsWhatMovedAwayAndRemovesTheRest() {
        joinA();
        joinB();
        ls.reportMacs(A.id(), List.of(VM1, VM2), List.of());
        ls.reportArps(A.id(), Map.of(VM1_IP, VM1), List.of());
        ls.reportMacs(B.id(), List.of(VM1), List.of());
        ls.reportArps(B.id(), Map.of(VM1_IP, VM1), List.of());

        VniDelta delta = ls.disconnect(A.id());

        assertThat(delta.vtepsRemoved()).containsExactly(VTEP_A);
        assertThat(delta.macsRemoved()).containsExactly(VM2);
        assertThat(delta.arpsRemoved()).isEmpty();
        assertThat(ls.snapshot()).isEqualTo(new VniTablesSnapshot(VNI,
                List.of(new VtepRow(VNI, VTEP_B, SEGMENT, VTEP_MAC_B, B.id())),
                List.of(new MacRow(VNI, VM1, VTEP_B, B.id())),
                List.of(new ArpRow(VNI, VM1_IP, VM1, B.id()))));
    }

    @Test
    void disconnectRemovesEverythingTheConnectionReportedAndLeavesTheTablesEmpty() {
        joinA();
        ls.reportMacs(A.id(), List.of(VM1, VM2), List.of());
        ls.reportArps(A.id(), Map.of(VM1_IP, VM1, ip("172.16.10.12"), VM2), List.of());

        VniDelta delta = ls.disconnect(A.id());

        assertThat(delta.vtepsRemoved()).containsExactly(VTEP_A);
        assertThat(delta.macsRemoved()).containsExactly(VM2, VM1);
        assertThat(delta.arpsRemoved()).containsExactly(VM1_IP, ip("172.16.10.12"));
        assertThat(ls.snapshot()).isEqualTo(new VniTablesSnapshot(VNI, List.of(), List.of(), List.of()));
        assertThat(ls.joinedConnections()).isEmpty();
        assertThat(ls.disconnect(A.id()).isEmpty()).as("a second disconnect").isTrue();
        assertThat(ls.leave(A.id()).isEmpty()).as("a leave after it").isTrue();
    }

    @Test
    void aMacBothRemovedAndAddedInOneReportStays() {
        joinA();
        ls.reportMacs(A.id(), List.of(VM1), List.of());

        assertThat(ls.reportMacs(A.id(), List.of(VM1), List.of(VM1)).isEmpty()).isTrue();
        assertThat(ls.snapshot().macs()).extracting(MacRow::mac).containsExactly(VM1);
    }

    @Test
    void aHostReconnectingOverANewStreamReReportsWithoutAnyDeltaAndTheOldStreamsEndRemovesNothing() {
        joinA();
        ls.reportMacs(A.id(), List.of(VM1), List.of());
        ls.reportArps(A.id(), Map.of(VM1_IP, VM1), List.of());

        assertThat(ls.join(A2, VTEP_A, SEGMENT, VTEP_MAC_A).isEmpty()).isTrue();
        assertThat(ls.reportMacs(A2.id(), List.of(VM1), List.of()).isEmpty()).isTrue();
        assertThat(ls.reportArps(A2.id(), Map.of(VM1_IP, VM1), List.of()).isEmpty()).isTrue();
        assertThat(ls.disconnect(A.id()).isEmpty()).isTrue();

        assertThat(ls.joinedConnections()).containsExactly(A2);
        assertThat(ls.snapshot()).isEqualTo(new VniTablesSnapshot(VNI,
                List.of(new VtepRow(VNI, VTEP_A, SEGMENT, VTEP_MAC_A, A2.id())),
                List.of(new MacRow(VNI, VM1, VTEP_A, A2.id())),
                List.of(new ArpRow(VNI, VM1_IP, VM1, A2.id()))));
    }

    @Test
    void theVtepStaysWhileAnotherStreamOfTheSameHostIsStillJoined() {
        joinA();
        ls.join(A2, VTEP_A, SEGMENT, VTEP_MAC_A);

        assertThat(ls.disconnect(A2.id()).isEmpty()).isTrue();
        assertThat(ls.snapshot().vteps()).containsExactly(new VtepRow(VNI, VTEP_A, SEGMENT, VTEP_MAC_A, A.id()));
        assertThat(ls.disconnect(A.id()).vtepsRemoved()).containsExactly(VTEP_A);
    }

    @Test
    void joiningWithAnotherVtepOverTheSameConnectionIsRefused() {
        joinA();

        assertThatThrownBy(() -> ls.join(A, ip("192.168.250.99"), SEGMENT, VTEP_MAC_A))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("vtepIp"))
                .hasMessageContaining("leave first");
    }

    @Test
    void aConnectionIdAlreadyJoinedByAnotherHostIsRefused() {
        joinA();

        assertThatThrownBy(() -> ls.join(connection(1, "esx-z", "192.168.110.99", 1234), VTEP_A, SEGMENT, VTEP_MAC_A))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("connectionId"));
    }

    @Test
    void aVtepOutsideItsSegmentIsRefusedNamingTheSegment() {
        assertThatThrownBy(() -> ls.join(A, ip("10.0.0.1"), SEGMENT, VTEP_MAC_A))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("segment"));
        assertThat(ls.joinedConnections()).isEmpty();
    }

    @Test
    void arpLookupsAreAnsweredOnlyWhileTheArpProxyIsOn() {
        joinA();
        ls.reportArps(A.id(), Map.of(VM1_IP, VM1), List.of());

        assertThat(ls.lookupArp(VM1_IP)).contains(VM1);
        assertThat(ls.lookupArp(ip("172.16.10.99"))).isEmpty();

        assertThat(ls.updateSettings(new LogicalSwitchSettings(VNI, "web", ReplicationMode.UNICAST, false))).isTrue();
        assertThat(ls.lookupArp(VM1_IP)).isEmpty();
        assertThat(ls.snapshot().arps()).hasSize(1);
    }

    @Test
    void settingsOfAnotherVniAreRefused() {
        assertThatThrownBy(() -> ls.updateSettings(Fixtures.settings(Vni.of(5002))))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("vni"));
        assertThat(ls.updateSettings(ls.settings())).isFalse();
    }

    @Test
    void theSnapshotIsSortedByKeyAndImmutable() {
        joinB();
        joinA();
        ls.reportMacs(B.id(), List.of(VM1), List.of());
        ls.reportMacs(A.id(), List.of(VM2), List.of());

        VniTablesSnapshot snapshot = ls.snapshot();

        assertThat(snapshot.vteps()).extracting(VtepRow::ip).containsExactly(VTEP_A, VTEP_B);
        assertThat(snapshot.macs()).extracting(MacRow::mac).containsExactly(VM2, VM1);
        assertThatThrownBy(() -> snapshot.macs().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(ls.joinedConnections()).containsExactly(A, B);
    }
}
