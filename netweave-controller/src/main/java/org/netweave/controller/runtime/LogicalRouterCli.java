package org.netweave.controller.runtime;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.netweave.model.ControllerId;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;

/**
 * The operator views of DLRs, with the columns and alignment of the NSX-V controller's
 * {@code show control-cluster logical-routers ...} commands (reference §3.1). Pure functions of
 * the state; rows print sorted by id.
 */
public final class LogicalRouterCli {
    private LogicalRouterCli() {
    }

    /** {@code show control-cluster logical-routers instance all}: one block per DLR, hosts one per line. */
    public static String instances(ControllerId serviceController, List<DlrInstanceRow> dlrs) {
        TextTable table = new TextTable().column("LR-Id", 11).column("LR-Name", 19).column("Hosts[]", 16)
                .column("Edge-Connection", 16).column("Service-Controller", 0);
        dlrs.stream().sorted(Comparator.comparing(DlrInstanceRow::id)).forEach(d -> table.row(d.id(), d.name(),
                d.hosts(), d.edgeConnection().map(ControlVmId::value).orElse(""), serviceController));
        return table.render();
    }

    /** {@code show control-cluster logical-routers interface-summary <lr-id>}. */
    public static String interfaceSummary(List<DlrLif> lifs) {
        TextTable table = new TextTable().column("Interface", 33).column("Type", 7).column("Id", 13).column("IP[]", 0);
        lifs.stream().sorted(DlrLif.ORDER)
                .forEach(l -> table.row(l.id(), l.segment().type(), l.segment().id(), l.address()));
        return table.render();
    }

    /**
     * {@code show control-cluster logical-routers routes <lr-id>}: the forwarding table the control
     * VM sent. As on NSX, the LIFs' connected subnets are not in it; interface-summary shows them.
     */
    public static String routes(DlrId dlr, List<DlrRoute> forwardingTable) {
        TextTable table = new TextTable().column("LR-Id", 12).column("Destination", 19).column("Next-Hop", 0);
        forwardingTable.stream().sorted(DlrRoute.ORDER).forEach(r -> table.row(dlr, r.prefix(), r.nextHop()));
        return table.render();
    }

    /**
     * {@code show control-cluster logical-routers bridges <lr-id> all}. A bridge is Active while its
     * host has joined the DLR, so its instance there has the state to run it.
     */
    public static String bridges(DlrId dlr, List<DlrBridge> bridges, Set<HostId> joinedHosts) {
        TextTable table = new TextTable().column("LR-Id", 12).column("Bridge-Id", 12).column("Host", 16)
                .column("Active", 0);
        bridges.stream().sorted(DlrBridge.ORDER)
                .forEach(b -> table.row(dlr, b.id(), b.host(), joinedHosts.contains(b.host())));
        return table.render();
    }
}
