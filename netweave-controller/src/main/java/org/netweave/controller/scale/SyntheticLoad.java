package org.netweave.controller.scale;

import java.io.Closeable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.netweave.controller.client.ControllerChannels;
import org.netweave.controller.client.ControllerWriter;
import org.netweave.controller.client.HostSession;
import org.netweave.controller.owner.WireTranslation;
import org.netweave.controller.runtime.VniPlacement;
import org.netweave.controller.slice.SliceSpace;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;
import org.netweave.proto.controller.v1.Ipv4Prefix;
import org.netweave.proto.controller.v1.Lif;
import org.netweave.proto.controller.v1.ReplicationMode;
import org.netweave.proto.controller.v1.Route;
import org.netweave.proto.controller.v1.Vtep;
import org.netweave.proto.controller.v1.WriteResult;

/**
 * A synthetic control-plane load for fault tests and the failover benchmark: logical switches and
 * DLRs written through the manager and control-VM channels, and host sessions that join VNIs and
 * DLRs and report one VM per joined VNI. Every value derives from the indexes, so a run is
 * reproducible. The addresses are data in the tables only; nothing is ever sent to them.
 */
public final class SyntheticLoad implements Closeable {
    private final int switches;
    private final int routers;
    private final int hosts;
    private final ControllerChannels channels = new ControllerChannels();
    private final List<HostSession> sessions = new ArrayList<>();

    public SyntheticLoad(int switches, int routers, int hosts) {
        this.switches = switches;
        this.routers = routers;
        this.hosts = hosts;
    }

    public static Vni vni(int index) {
        return Vni.of(5000 + index);
    }

    public static DlrId dlr(int index) {
        return DlrId.of("edge-" + (index + 1));
    }

    /**
     * Creates the switches with the placement of the hosts' VMs on them, and the DLRs (two VXLAN
     * LIFs each, a VLAN LIF on every fourth, a default route).
     */
    public void configure(List<String> controllers) {
        ControllerWriter writer = new ControllerWriter(controllers, channels, SliceSpace.DEFAULT, Duration.ofSeconds(30));
        Map<Integer, Map<HostId, VniPlacement.HostPlacement>> placements = new HashMap<>();
        for (int h = 0; h < hosts; h++) {
            for (int vniIndex : vnisOf(h)) {
                placements.computeIfAbsent(vniIndex, i -> new HashMap<>()).put(host(h),
                        new VniPlacement.HostPlacement(Map.of(vmMac(h, vniIndex), Set.of(vmIp(h, vniIndex))), false));
            }
        }
        for (int i = 0; i < switches; i++) {
            applied(writer.createLogicalSwitch(vni(i), "ls-" + i, ReplicationMode.UNICAST, true));
            applied(writer.putVniPlacement(vni(i),
                    WireTranslation.toWire(new VniPlacement(placements.getOrDefault(i, Map.of())))));
        }
        for (int r = 0; r < routers; r++) {
            DlrId dlr = dlr(r);
            applied(writer.createDlr(dlr, "default+" + dlr, List.of("control-vm-" + (r + 1))));
            applied(writer.putLif(dlr, lif("lif-1", 2 * r, 0x0A000101 | (r << 16), 1)));
            applied(writer.putLif(dlr, lif("lif-2", 2 * r + 1, 0x0A000201 | (r << 16), 2)));
            if (r % 4 == 0) {
                applied(writer.putLif(dlr, Lif.newBuilder().setLifId("lif-3").setVlan(100 + r)
                        .setIp(0xC0A80001 | (r << 8)).setPrefixLength(24).setMac(0x0250_5600_0003L | ((long) r << 8)).build()));
            }
            Route defaultRoute = Route.newBuilder().setPrefix(Ipv4Prefix.newBuilder().setAddress(0).setLength(0))
                    .setNextHop(0x0A0001FE | (r << 16)).setLifId("lif-1").build();
            applied(writer.pushForwardingTable(dlr, "control-vm-" + (r + 1), List.of(defaultRoute)));
        }
    }

    private static Lif lif(String id, int vniIndex, int ip, int n) {
        return Lif.newBuilder().setLifId(id).setVni(vni(vniIndex).value()).setIp(ip).setPrefixLength(24)
                .setMac(0x0250_5600_0000L | n).setMtu(1500).build();
    }

    private static void applied(WriteResult result) {
        if (!result.hasApplied()) {
            throw new IllegalStateException("the controller cluster did not apply a write: " + result);
        }
    }

    /** Starts the host sessions: each joins 20 VNIs with one VM each and 4 DLRs. */
    public void connectHosts(List<String> controllers) {
        for (int h = 0; h < hosts; h++) {
            HostSession session = new HostSession(host(h), Ipv4Address.of(0x0AFF0001 + h), 40_000 + h,
                    vtep(h), controllers, channels, SliceSpace.DEFAULT);
            session.start();
            for (int vniIndex : vnisOf(h)) {
                Vni vni = vni(vniIndex);
                session.joinVni(vni, new HostSession.VniBindings(Set.of(vmMac(h, vniIndex)),
                        Map.of(vmIp(h, vniIndex), vmMac(h, vniIndex))));
            }
            for (int j = 0; j < 4 && routers > 0; j++) {
                session.joinDlr(dlr((h + 5 * j) % routers));
            }
            sessions.add(session);
        }
    }

    private static HostId host(int h) {
        return HostId.of("host-" + (h + 1));
    }

    private static MacAddress vmMac(int h, int vniIndex) {
        return MacAddress.of(0x0210_0000_0000L | ((long) h << 16) | vniIndex);
    }

    private static Ipv4Address vmIp(int h, int vniIndex) {
        return Ipv4Address.of(0x0B000000 | (vniIndex << 8) | (h + 1));
    }

    /** Two VTEP segments, so unicast replication would need a proxy per segment. */
    private static Vtep vtep(int h) {
        int segment = h < 25 ? 0xAC1F0100 : 0xAC1F0200;
        return Vtep.newBuilder().setIp(segment | (h % 25 + 10))
                .setSegment(Ipv4Prefix.newBuilder().setAddress(segment).setLength(24))
                .setMac(0x0250_56AA_0000L | h).build();
    }

    private List<Integer> vnisOf(int h) {
        Set<Integer> chosen = new HashSet<>();
        for (int k = 0; k < Math.min(20, switches); k++) {
            chosen.add((h * 7 + k * 10) % switches);
        }
        return new ArrayList<>(chosen);
    }

    /** Every host session has placed everything at the current owners and heard back. */
    public boolean settled() {
        return sessions.stream().allMatch(HostSession::isSettled);
    }

    public List<HostSession> sessions() {
        return sessions;
    }

    @Override
    public void close() {
        sessions.forEach(HostSession::close);
        channels.close();
    }
}
