package org.netweave.controller.client;

import java.util.HashSet;
import java.util.Set;

import org.netweave.proto.controller.v1.VniDelta;
import org.netweave.proto.controller.v1.VniTables;

/** Applies a pushed delta to a host's copy of a VNI's tables: removals first, then additions replace by key. */
final class VniTableMerge {
    private VniTableMerge() {
    }

    static void apply(VniTables.Builder tables, VniDelta delta) {
        Set<Integer> vteps = new HashSet<>(delta.getVtepsRemovedList());
        delta.getVtepsAddedList().forEach(vtep -> vteps.add(vtep.getIp()));
        Set<Long> macs = new HashSet<>(delta.getMacsRemovedList());
        delta.getMacsAddedList().forEach(mac -> macs.add(mac.getMac()));
        Set<Integer> arps = new HashSet<>(delta.getArpsRemovedList());
        delta.getArpsAddedList().forEach(arp -> arps.add(arp.getIp()));

        var keptVteps = tables.getVtepsList().stream().filter(vtep -> !vteps.contains(vtep.getIp())).toList();
        var keptMacs = tables.getMacsList().stream().filter(mac -> !macs.contains(mac.getMac())).toList();
        var keptArps = tables.getArpsList().stream().filter(arp -> !arps.contains(arp.getIp())).toList();
        tables.clearVteps().addAllVteps(keptVteps).addAllVteps(delta.getVtepsAddedList());
        tables.clearMacs().addAllMacs(keptMacs).addAllMacs(delta.getMacsAddedList());
        tables.clearArps().addAllArps(keptArps).addAllArps(delta.getArpsAddedList());
        tables.setEpoch(Math.max(tables.getEpoch(), delta.getEpoch()));
    }
}
