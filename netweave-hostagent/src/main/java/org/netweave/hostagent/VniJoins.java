package org.netweave.hostagent;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.netweave.controller.client.HostSession.VniBindings;
import org.netweave.model.DlrId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;
import org.netweave.proto.controller.v1.DlrState;
import org.netweave.proto.controller.v1.Lif;

/**
 * The VNIs the host joins at their owners, with the bindings it reports there: a VNI with a
 * connected local vNIC (its MAC behind this host's VTEP, its IP if known), one a local DLR has a
 * LIF on (no bindings: the host only needs the VNI's tables), or one it bridges — with the MACs
 * its bridge instance learned on the VLAN side, as NSX's bridge host reports them, so every host
 * sends to them through this host's VTEP and stops when the bridge moves away.
 */
final class VniJoins {
    private VniJoins() {
    }

    /** Pure. {@code dlrStates} may hold DLRs the configuration dropped; only configured ones count. */
    static SortedMap<Vni, VniBindings> of(HostDesiredState config, Map<DlrId, DlrState> dlrStates) {
        return of(config, dlrStates, Map.of());
    }

    /**
     * Pure.
     *
     * @param bridged per VNI, the MACs this host's bridge instances learned on their VLAN side; only
     *                VNIs bridged here count
     */
    static SortedMap<Vni, VniBindings> of(HostDesiredState config, Map<DlrId, DlrState> dlrStates,
                                          Map<Vni, Set<MacAddress>> bridged) {
        Map<Vni, Set<MacAddress>> macs = new HashMap<>();
        Map<Vni, Map<Ipv4Address, MacAddress>> arps = new HashMap<>();
        for (DesiredVnic vnic : config.vnics()) {
            if (!vnic.connected() || vnic.vni().isEmpty()) {
                continue;
            }
            Vni vni = vnic.vni().get();
            macs.computeIfAbsent(vni, v -> new HashSet<>()).add(vnic.mac());
            Map<Ipv4Address, MacAddress> bindings = arps.computeIfAbsent(vni, v -> new HashMap<>());
            vnic.ip().ifPresent(ip -> bindings.put(ip, vnic.mac()));
        }
        for (DlrId dlr : config.dlrs()) {
            DlrState state = dlrStates.get(dlr);
            if (state == null) {
                continue;
            }
            for (Lif lif : state.getLifsList()) {
                if (lif.getSegmentCase() == Lif.SegmentCase.VNI) {
                    macs.computeIfAbsent(Vni.of(lif.getVni()), v -> new HashSet<>());
                }
            }
            state.getBridgesList().stream().filter(b -> config.host().value().equals(b.getHostId()))
                    .forEach(b -> macs.computeIfAbsent(Vni.of(b.getVni()), v -> new HashSet<>())
                            .addAll(bridged.getOrDefault(Vni.of(b.getVni()), Set.of())));
        }
        SortedMap<Vni, VniBindings> joins = new TreeMap<>();
        macs.forEach((vni, set) -> joins.put(vni, new VniBindings(Set.copyOf(set), Map.copyOf(arps.getOrDefault(vni, Map.of())))));
        return joins;
    }
}
