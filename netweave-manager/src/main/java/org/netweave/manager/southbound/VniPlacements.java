package org.netweave.manager.southbound;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.netweave.model.HostId;
import org.netweave.model.Vni;
import org.netweave.proto.controller.v1.HostPlacement;
import org.netweave.proto.controller.v1.PlacedPort;
import org.netweave.proto.controller.v1.VniPlacement;
import org.netweave.proto.manager.v1.HostConfig;
import org.netweave.proto.manager.v1.LogicalSwitchConfig;
import org.netweave.proto.manager.v1.VnicConfig;

/**
 * The placement the controllers check hosts' claims against, made from the very configurations
 * the hosts get: a host holds a VNI its configuration spans, with the vNICs it is given there.
 * Pure.
 */
final class VniPlacements {
    private VniPlacements() {
    }

    /**
     * What a host's configuration holds on each VNI: the VNIs it spans (no vNICs) and those with
     * its vNICs. Two configurations whose holdings agree on a VNI give that VNI the same placement.
     */
    static Map<Vni, List<VnicConfig>> holdings(HostConfig config) {
        Map<Vni, List<VnicConfig>> held = new HashMap<>();
        for (LogicalSwitchConfig ls : config.getLogicalSwitchesList()) {
            held.put(Vni.of(ls.getVni()), new ArrayList<>());
        }
        for (VnicConfig vnic : config.getVnicsList()) {
            if (vnic.getVni() != 0) {
                held.computeIfAbsent(Vni.of(vnic.getVni()), vni -> new ArrayList<>()).add(vnic);
            }
        }
        return held;
    }

    /**
     * The placement on {@code vni}.
     *
     * @param holders     every host holding the VNI, with what it holds there (see {@link #holdings})
     * @param bridgeHosts the hosts that may run the VNI's bridge
     */
    static VniPlacement of(Map<HostId, List<VnicConfig>> holders, Set<HostId> bridgeHosts) {
        Map<HostId, HostPlacement.Builder> hosts = new TreeMap<>();
        holders.forEach((host, vnics) -> {
            HostPlacement.Builder placed = hosts.computeIfAbsent(host, h -> HostPlacement.newBuilder().setHostId(h.value()));
            vnics.stream().sorted(Comparator.comparingLong(VnicConfig::getMac)).forEach(vnic -> {
                PlacedPort.Builder port = PlacedPort.newBuilder().setMac(vnic.getMac());
                if (vnic.getIp() != 0) {
                    port.addIps(vnic.getIp());
                }
                placed.addPorts(port);
            });
        });
        for (HostId host : bridgeHosts) {
            hosts.computeIfAbsent(host, h -> HostPlacement.newBuilder().setHostId(h.value())).setBridge(true);
        }
        VniPlacement.Builder placement = VniPlacement.newBuilder();
        hosts.values().forEach(placement::addHosts);
        return placement.build();
    }

    /** The VNIs whose placement may differ between two holdings of one host. */
    static Collection<Vni> changed(Map<Vni, List<VnicConfig>> before, Map<Vni, List<VnicConfig>> after) {
        List<Vni> changed = new ArrayList<>();
        before.forEach((vni, vnics) -> {
            if (!vnics.equals(after.get(vni))) {
                changed.add(vni);
            }
        });
        after.keySet().stream().filter(vni -> !before.containsKey(vni)).forEach(changed::add);
        return changed;
    }
}
