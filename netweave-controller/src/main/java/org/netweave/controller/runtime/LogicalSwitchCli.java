package org.netweave.controller.runtime;

import java.util.Comparator;
import java.util.List;
import org.netweave.model.ControllerId;

/**
 * The operator views of a logical switch, with the columns and alignment of the NSX-V controller's
 * {@code show control-cluster logical-switches ...} commands (reference §3.1). Pure functions of
 * the tables; rows print sorted by key. The vni and vtep-table widths are those of published NSX
 * outputs; connection-table, mac-table and arp-table follow the same pattern (an IP column is 16
 * wide, a MAC column 18), as no published output of them was found.
 *
 * <p>One deliberate difference from NSX-V: BUM-Replication prints the mode (Unicast, Hybrid,
 * Multicast) where NSX prints Enabled, which does not say how frames are replicated. Segment
 * prints the VTEP subnet's network address without its length, as NSX does, so the columns keep
 * NSX's widths.
 */
public final class LogicalSwitchCli {
    private LogicalSwitchCli() {
    }

    /** {@code show control-cluster logical-switches vni <vni>}. */
    public static String vni(ControllerId controller, LogicalSwitchSettings settings, int connections, int vteps) {
        String mode = settings.replication().name();
        return new TextTable()
                .column("VNI", 9).column("Controller", 16).column("BUM-Replication", 16).column("ARP-Proxy", 10)
                .column("Connections", 12).column("VTEPs", 0)
                .row(settings.vni(), controller, mode.charAt(0) + mode.substring(1).toLowerCase(),
                        settings.arpProxy() ? "Enabled" : "Disabled", connections, vteps)
                .render();
    }

    /** {@code show control-cluster logical-switches vni <vni>} of a switch as it is now. */
    public static String vni(ControllerId controller, LogicalSwitchRuntime ls) {
        return vni(controller, ls.settings(), ls.joinedConnections().size(), ls.snapshot().vteps().size());
    }

    /** {@code show control-cluster logical-switches connection-table <vni>}. */
    public static String connectionTable(List<HostConnection> connections) {
        TextTable table = new TextTable().column("Host-IP", 16).column("Port", 6).column("ID", 0);
        connections.stream().sorted(Comparator.comparing(HostConnection::id))
                .forEach(c -> table.row(c.hostIp(), c.port(), c.id()));
        return table.render();
    }

    /** {@code show control-cluster logical-switches vtep-table <vni>}. */
    public static String vtepTable(List<VtepRow> rows) {
        TextTable table = new TextTable().column("VNI", 9).column("IP", 16).column("Segment", 16).column("MAC", 18)
                .column("Connection-ID", 0);
        rows.stream().sorted(VtepRow.ORDER).forEach(r -> table.row(r.vni(), r.ip(), r.segment().address(), r.mac(),
                r.connection()));
        return table.render();
    }

    /** {@code show control-cluster logical-switches mac-table <vni>}. */
    public static String macTable(List<MacRow> rows) {
        TextTable table = new TextTable().column("VNI", 9).column("MAC", 18).column("VTEP-IP", 16)
                .column("Connection-ID", 0);
        rows.stream().sorted(MacRow.ORDER).forEach(r -> table.row(r.vni(), r.mac(), r.vtepIp(), r.connection()));
        return table.render();
    }

    /** {@code show control-cluster logical-switches arp-table <vni>}. */
    public static String arpTable(List<ArpRow> rows) {
        TextTable table = new TextTable().column("VNI", 9).column("IP", 16).column("MAC", 18)
                .column("Connection-ID", 0);
        rows.stream().sorted(ArpRow.ORDER).forEach(r -> table.row(r.vni(), r.ip(), r.mac(), r.connection()));
        return table.render();
    }
}
