package org.netweave.controller.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.netweave.controller.runtime.Fixtures.SEGMENT;
import static org.netweave.controller.runtime.Fixtures.VNI;
import static org.netweave.controller.runtime.Fixtures.ip;
import static org.netweave.controller.runtime.Fixtures.mac;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.quicktheories.core.Gen;

/**
 * Random joins, reports, leaves and disconnects of six streams from three hosts (two streams per
 * host, as around a reconnect) over a few MACs and IPs, so entries move between hosts and streams
 * all the time. A host that starts from the empty tables and applies every delta must always hold
 * exactly what the owner's tables show hosts, and a delta must be empty exactly when nothing a
 * host sees changed.
 */
class VniDeltaPropertyTest {
    private static final int STREAMS = 6;
    private static final int HOSTS = 3;
    private static final List<MacAddress> MACS = List.of(mac("00:50:56:00:01:01"), mac("00:50:56:00:01:02"),
            mac("00:50:56:00:01:03"), mac("00:50:56:00:01:04"));
    private static final List<Ipv4Address> IPS = List.of(ip("172.16.10.11"), ip("172.16.10.12"),
            ip("172.16.10.13"), ip("172.16.10.14"));

    enum Kind { JOIN, REPORT_MACS, REPORT_ARPS, LEAVE, DISCONNECT }

    record Op(Kind kind, int stream, int addMask, int removeMask, int variant) {
        @Override
        public String toString() {
            return kind + " stream " + stream + " add " + Integer.toBinaryString(addMask) + " remove "
                    + Integer.toBinaryString(removeMask) + " variant " + variant;
        }
    }

    /** What a host holds after applying snapshots and deltas: only what the wire carries. */
    record HostView(Map<Ipv4Address, String> vteps, Map<MacAddress, Ipv4Address> macs,
            Map<Ipv4Address, MacAddress> arps) {
        static HostView of(VniTablesSnapshot s) {
            HostView view = new HostView(new HashMap<>(), new HashMap<>(), new HashMap<>());
            s.vteps().forEach(r -> view.vteps.put(r.ip(), r.segment() + " " + r.mac()));
            s.macs().forEach(r -> view.macs.put(r.mac(), r.vtepIp()));
            s.arps().forEach(r -> view.arps.put(r.ip(), r.mac()));
            return view;
        }

        void apply(VniDelta d) {
            d.vtepsRemoved().forEach(vteps::remove);
            d.vtepsAdded().forEach(r -> vteps.put(r.ip(), r.segment() + " " + r.mac()));
            d.macsRemoved().forEach(macs::remove);
            d.macsAdded().forEach(r -> macs.put(r.mac(), r.vtepIp()));
            d.arpsRemoved().forEach(arps::remove);
            d.arpsAdded().forEach(r -> arps.put(r.ip(), r.mac()));
        }
    }

    private static Gen<Op> ops() {
        Gen<Kind> kinds = integers().between(0, 7).map(n -> switch (n) {
            case 0, 1 -> Kind.JOIN;
            case 2, 3 -> Kind.REPORT_MACS;
            case 4, 5 -> Kind.REPORT_ARPS;
            case 6 -> Kind.LEAVE;
            default -> Kind.DISCONNECT;
        });
        return kinds.zip(integers().between(0, STREAMS - 1), integers().between(0, 15), integers().between(0, 63),
                (kind, stream, add, removeAndVariant) -> new Op(kind, stream, add, removeAndVariant & 15,
                        removeAndVariant >>> 4));
    }

    private static HostConnection stream(int s) {
        int host = s % HOSTS;
        return Fixtures.connection(s + 1, "esx-" + host, "192.168.110." + (51 + host), 1000 + s);
    }

    private static VniDelta apply(LogicalSwitchRuntime ls, Op op) {
        ConnectionId id = stream(op.stream()).id();
        return switch (op.kind()) {
            case JOIN -> {
                int host = op.stream() % HOSTS;
                yield ls.join(stream(op.stream()), ip("192.168.250." + (51 + host)), SEGMENT,
                        mac("00:50:56:00:00:0" + (host + 1)));
            }
            case REPORT_MACS -> ls.reportMacs(id, pick(MACS, op.addMask()), pick(MACS, op.removeMask()));
            case REPORT_ARPS -> {
                Map<Ipv4Address, MacAddress> added = new LinkedHashMap<>();
                for (Ipv4Address ip : pick(IPS, op.addMask())) {
                    added.put(ip, MACS.get((IPS.indexOf(ip) + op.variant()) % MACS.size()));
                }
                yield ls.reportArps(id, added, pick(IPS, op.removeMask()));
            }
            case LEAVE -> ls.leave(id);
            case DISCONNECT -> ls.disconnect(id);
        };
    }

    private static <T> List<T> pick(List<T> all, int mask) {
        List<T> picked = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if ((mask & (1 << i)) != 0) {
                picked.add(all.get(i));
            }
        }
        return picked;
    }

    @Test
    void aHostApplyingEveryDeltaAlwaysHoldsTheOwnersTables() {
        qt().withExamples(400).forAll(lists().of(ops()).ofSizeBetween(1, 80)).checkAssert(ops -> {
            LogicalSwitchRuntime ls = new LogicalSwitchRuntime(Fixtures.settings(VNI));
            HostView host = HostView.of(ls.snapshot());
            for (Op op : ops) {
                HostView before = HostView.of(ls.snapshot());
                boolean report = op.kind() == Kind.REPORT_MACS || op.kind() == Kind.REPORT_ARPS;
                if (report && !ls.isJoined(stream(op.stream()).id())) {
                    assertThatThrownBy(() -> apply(ls, op)).as("%s", op).isInstanceOf(InvalidValueException.class);
                    assertThat(HostView.of(ls.snapshot())).as("%s refused", op).isEqualTo(before);
                    continue;
                }
                VniDelta delta = apply(ls, op);
                host.apply(delta);
                HostView now = HostView.of(ls.snapshot());
                assertThat(host).as("%s", op).isEqualTo(now);
                assertThat(delta.isEmpty()).as("%s: delta %s", op, delta).isEqualTo(before.equals(now));
                assertThat(ls.tables().vteps()).as("every joined host has its VTEP in the table")
                        .hasSameSizeAs(ls.tables().joinedHosts());
            }
            for (int s = 0; s < STREAMS; s++) {
                host.apply(ls.disconnect(stream(s).id()));
            }
            assertThat(host).isEqualTo(HostView.of(ls.snapshot()));
            assertThat(ls.snapshot()).isEqualTo(new VniTablesSnapshot(VNI, List.of(), List.of(), List.of()));
        });
    }
}
