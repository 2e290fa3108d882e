package org.netweave.manager.views;

import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.netweave.dataplane.DatapathTables;
import org.netweave.dataplane.DatapathTables.RouterTable;
import org.netweave.dataplane.DatapathTables.SwitchTable;
import org.netweave.dataplane.Lif;
import org.netweave.manager.views.HostDlrTables.HostLifRow;
import org.netweave.manager.views.HostDlrTables.HostNeighbourRow;
import org.netweave.manager.views.HostVniTables.HostArpRow;
import org.netweave.manager.views.HostVniTables.HostMacRow;
import org.netweave.manager.views.HostVniTables.HostVtepRow;

/** A host's {@link DatapathTables} as the API's records, sorted by key. Pure functions. */
final class HostViewTranslation {
    private HostViewTranslation() {
    }

    static HostVniTables vni(DatapathTables tables, SwitchTable ls) {
        return new HostVniTables(tables.config().hostId().value(), ls.spec().vni().value(),
                ls.spec().replication().name(),
                ls.macs().stream().sorted(Comparator.comparing(DatapathTables.MacEntry::mac))
                        .map(m -> new HostMacRow(m.mac().toString(), m.location().name(), m.where(), m.learned()))
                        .toList(),
                ls.arp().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> new HostArpRow(e.getKey().toString(), e.getValue().toString())).toList(),
                Stream.concat(
                        ls.vteps().stream().map(v -> Map.entry(v.ip(),
                                new HostVtepRow(v.ip().toString(), v.segment().toString(), "HOST"))),
                        ls.externalVteps().stream().map(v -> Map.entry(v.ip(),
                                new HostVtepRow(v.ip().toString(), null, "EXTERNAL"))))
                        .sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList());
    }

    static HostDlrTables dlr(DatapathTables tables, RouterTable router) {
        return new HostDlrTables(tables.config().hostId().value(), router.id().value(),
                router.lifs().stream().sorted(Comparator.comparing(Lif::id)).map(HostViewTranslation::lif).toList(),
                router.routes().stream().sorted(Comparator.comparing(DatapathTables.RouteRow::prefix))
                        .map(r -> RouteView.of(r.prefix(), r.gateway(), r.lif())).toList(),
                router.neighbours().stream().map(n -> new HostNeighbourRow(n.ip().toString(), n.mac().toString(),
                        n.flags(), n.lif().value())).toList());
    }

    private static HostLifRow lif(Lif lif) {
        return new HostLifRow(lif.id().value(), lif.type().name(), lif.vni().value(), lif.address().toString(),
                lif.vmac().toString(), lif.designatedInstance());
    }
}
