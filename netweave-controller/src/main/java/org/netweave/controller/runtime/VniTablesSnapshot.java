package org.netweave.controller.runtime;

import java.util.List;
import org.netweave.model.Vni;

/**
 * The full tables of one VNI at one moment, sorted by key: what the owner sends a host that has
 * just joined (the wire's {@code VniTables}, which drops the Connection-ID column) and what the
 * vtep-table, mac-table and arp-table views print.
 */
public record VniTablesSnapshot(Vni vni, List<VtepRow> vteps, List<MacRow> macs, List<ArpRow> arps) {
    public VniTablesSnapshot {
        Fields.present("vni", vni);
        vteps = vteps.stream().sorted(VtepRow.ORDER).toList();
        macs = macs.stream().sorted(MacRow.ORDER).toList();
        arps = arps.stream().sorted(ArpRow.ORDER).toList();
    }
}
