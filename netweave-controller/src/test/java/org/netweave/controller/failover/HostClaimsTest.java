package org.netweave.controller.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.netweave.controller.ControllerNode;
import org.netweave.controller.client.ControllerChannels;
import org.netweave.controller.client.ControllerWriter;
import org.netweave.controller.client.HostSession;
import org.netweave.controller.owner.OwnerService;
import org.netweave.controller.owner.WireTranslation;
import org.netweave.controller.runtime.ClaimRefusal;
import org.netweave.controller.runtime.LogicalSwitchTables;
import org.netweave.controller.runtime.VniPlacement;
import org.netweave.controller.slice.Role;
import org.netweave.controller.slice.SliceSpace;
import org.netweave.model.ControllerId;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;
import org.netweave.proto.controller.v1.Ipv4Prefix;
import org.netweave.proto.controller.v1.ReplicationMode;
import org.netweave.proto.controller.v1.Vtep;

/**
 * A VNI's owner takes from hosts only what the manager placed on them: a host cannot claim
 * another host's VM MAC, bind another VM's IP to its own MAC, or join a VNI that does not span
 * it. Refusals are counted; a claim the placement later allows (a vMotion) is admitted then; the
 * placement survives the owner's failure; a claim admitted within the grace period is not counted.
 */
@Tag("embedded-zookeeper")
class HostClaimsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Vni VNI = Vni.of(7100);
    private static final HostId A = HostId.of("host-a");
    private static final HostId B = HostId.of("host-b");
    private static final HostId C = HostId.of("host-c");
    private static final MacAddress VM1 = MacAddress.parse("00:50:56:00:71:01");
    private static final MacAddress VM2 = MacAddress.parse("00:50:56:00:71:02");
    private static final Ipv4Address IP1 = Ipv4Address.parse("10.71.0.1");
    private static final Ipv4Address IP2 = Ipv4Address.parse("10.71.0.2");

    private static ControllerTestCluster cluster;
    private static ControllerChannels channels;
    private static ControllerWriter writer;
    private static final Map<ControllerId, Map<ClaimRefusal, Long>> baseline = new java.util.HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        cluster = new ControllerTestCluster(3);
        await().atMost(Duration.ofSeconds(60)).until(cluster::settled);
        channels = new ControllerChannels();
        writer = new ControllerWriter(cluster.hostAddresses(), channels, SliceSpace.DEFAULT, WAIT);
    }

    @AfterAll
    static void stop() {
        channels.close();
        cluster.close();
    }

    @Test
    void aHostGetsIntoTheTablesOnlyWhatTheManagerPlacedOnIt() throws Exception {
        // Counts are per node since it started; the other test may have added to them.
        for (ControllerNode node : cluster.live()) {
            baseline.put(node.id(), node.owner().refusedClaims());
        }
        assertThat(writer.createLogicalSwitch(VNI, "claims", ReplicationMode.UNICAST, true).hasApplied()).isTrue();
        place(VniPlacement.builder().port(A, VM1, IP1).port(B, VM2, IP2).build());
        try (HostSession a = session(A, 1); HostSession b = session(B, 2); HostSession c = session(C, 3)) {
            a.start();
            b.start();
            c.start();
            a.joinVni(VNI, new HostSession.VniBindings(Set.of(VM1), Map.of(IP1, VM1)));
            // host-b claims host-a's VM and binds that VM's IP to its own MAC (ARP poisoning).
            b.joinVni(VNI, new HostSession.VniBindings(Set.of(VM1, VM2), Map.of(IP1, VM2, IP2, VM2)));
            await().atMost(WAIT).until(() -> a.isSettled() && b.isSettled());

            await().atMost(WAIT).untilAsserted(() -> {
                LogicalSwitchTables tables = tables();
                assertThat(tables.macs()).containsExactlyInAnyOrder(new LogicalSwitchTables.Mac(VM1, vtep(1), A),
                        new LogicalSwitchTables.Mac(VM2, vtep(2), B));
                assertThat(tables.arps()).containsExactlyInAnyOrder(new LogicalSwitchTables.Arp(IP1, VM1, A),
                        new LogicalSwitchTables.Arp(IP2, VM2, B));
                assertThat(SessionTables.of(a, VNI).getArpsList()).extracting(arp -> arp.getIp() + "=" + arp.getMac())
                        .containsExactlyInAnyOrder(IP1.value() + "=" + VM1.value(), IP2.value() + "=" + VM2.value());
            });
            // Counted once each, when still refused a grace period later (a placement may be on its way).
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(refused(ClaimRefusal.MAC_NOT_HELD)).isEqualTo(1);
                assertThat(refused(ClaimRefusal.IP_NOT_HELD)).isEqualTo(1);
            });

            // host-c holds nothing on the VNI: its join is held, not admitted, and counted once.
            c.joinVni(VNI, new HostSession.VniBindings(Set.of(), Map.of()));
            await().atMost(WAIT).until(() -> refused(ClaimRefusal.VNI_NOT_SPANNED) == 1);
            assertThat(c.vniTables()).doesNotContainKey(VNI);
            assertThat(tables().joinedHosts()).containsExactlyInAnyOrder(A, B);

            // The owner fails: its successor has the placement from the store and refuses the same.
            int owner = ownerIndex();
            cluster.kill(owner);
            await().atMost(Duration.ofSeconds(60)).until(cluster::settled);
            await().atMost(WAIT).until(() -> a.isSettled() && b.isSettled() && refused(ClaimRefusal.MAC_NOT_HELD) == 1);
            await().atMost(WAIT).untilAsserted(() -> assertThat(tables().macs())
                    .containsExactlyInAnyOrder(new LogicalSwitchTables.Mac(VM1, vtep(1), A), new LogicalSwitchTables.Mac(VM2, vtep(2), B)));

            // The manager spans host-c and moves VM1 to host-b: the claims held so far are admitted
            // without the hosts saying anything again, and host-a's claim of VM1 is refused now.
            place(VniPlacement.builder().host(A).port(B, VM1, IP1).port(B, VM2, IP2).host(C).build());
            await().atMost(WAIT).until(c::isSettled);
            await().atMost(WAIT).untilAsserted(() -> {
                LogicalSwitchTables tables = tables();
                assertThat(tables.joinedHosts()).containsExactlyInAnyOrder(A, B, C);
                assertThat(tables.macs()).containsExactlyInAnyOrder(new LogicalSwitchTables.Mac(VM1, vtep(2), B),
                        new LogicalSwitchTables.Mac(VM2, vtep(2), B));
                assertThat(SessionTables.of(c, VNI).getMacsList()).extracting(mac -> mac.getMac() + "@" + mac.getVtepIp())
                        .containsExactlyInAnyOrder(VM1.value() + "@" + vtep(2).value(), VM2.value() + "@" + vtep(2).value());
            });
        }
    }

    @Test
    void aVnicReportedBeforeItsPlacementIsAdmittedWhenItArrivesAndNotCounted() {
        Vni vni = Vni.of(7101);
        assertThat(writer.createLogicalSwitch(vni, "early", ReplicationMode.UNICAST, true).hasApplied()).isTrue();
        OwnerService owner = cluster.node(ownerIndex(vni)).owner();
        long spannedBefore = owner.refusedClaims().getOrDefault(ClaimRefusal.VNI_NOT_SPANNED, 0L);
        try (HostSession a = session(A, 1); HostSession c = session(C, 3)) {
            a.start();
            a.joinVni(vni, new HostSession.VniBindings(Set.of(VM1), Map.of(IP1, VM1)));
            await().atMost(WAIT).until(() -> owner.heldClaims() == 1);
            assertThat(writer.putVniPlacement(vni, WireTranslation.toWire(VniPlacement.builder().port(A, VM1, IP1).build()))
                    .hasApplied()).isTrue();
            await().atMost(WAIT).until(a::isSettled);
            assertThat(a.vniTables().get(vni).getMacsList()).extracting(mac -> mac.getMac()).containsExactly(VM1.value());
            assertThat(owner.heldClaims()).isZero();

            // A join that stays refused is counted when its grace period ends — after host-a's,
            // which started earlier on the same owner thread, so that one was not counted.
            c.joinVni(vni, new HostSession.VniBindings(Set.of(), Map.of()));
            await().atMost(WAIT).until(() ->
                    owner.refusedClaims().getOrDefault(ClaimRefusal.VNI_NOT_SPANNED, 0L) > spannedBefore);
            assertThat(owner.refusedClaims().getOrDefault(ClaimRefusal.VNI_NOT_SPANNED, 0L)).isEqualTo(spannedBefore + 1);
        }
    }

    private static void place(VniPlacement placement) {
        assertThat(writer.putVniPlacement(VNI, WireTranslation.toWire(placement)).hasApplied()).isTrue();
    }

    /** The VNI's tables at its owner. */
    private static LogicalSwitchTables tables() {
        return cluster.tables().logicalSwitches().stream().filter(t -> t.settings().vni().equals(VNI)).findFirst()
                .orElseThrow();
    }

    private static int ownerIndex() {
        return ownerIndex(VNI);
    }

    private static int ownerIndex(Vni vni) {
        ControllerId owner = cluster.live().getFirst().coordinator().assignment(Role.SWITCH_MANAGER).assignment()
                .ownerOf(SliceSpace.DEFAULT.sliceOf(vni)).orElseThrow();
        for (int i = 0; i < 3; i++) {
            if (ControllerTestCluster.id(i).equals(owner)) {
                return i;
            }
        }
        throw new AssertionError("no node is " + owner);
    }

    /** Refusals of {@code reason} counted by the VNI's current owner during this test. */
    private static long refused(ClaimRefusal reason) {
        ControllerNode owner = cluster.node(ownerIndex());
        return owner.owner().refusedClaims().getOrDefault(reason, 0L)
                - baseline.getOrDefault(owner.id(), Map.of()).getOrDefault(reason, 0L);
    }

    private static Ipv4Address vtep(int n) {
        return Ipv4Address.of(0xAC1F0100 | n);
    }

    private static HostSession session(HostId host, int n) {
        Vtep vtep = Vtep.newBuilder().setIp(vtep(n).value()).setSegment(Ipv4Prefix.newBuilder().setAddress(0xAC1F0100)
                .setLength(24)).setMac(0x0250_56BB_0000L | n).build();
        return new HostSession(host, Ipv4Address.of(0x0AFE0000 | n), 40_000 + n, vtep, cluster.hostAddresses(), channels,
                SliceSpace.DEFAULT);
    }
}
