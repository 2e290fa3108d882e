package org.netweave.manager.views;

import java.util.Comparator;
import java.util.List;

import org.netweave.manager.views.ControllerVniTables.ControllerArpRow;
import org.netweave.manager.views.ControllerVniTables.ControllerConnectionRow;
import org.netweave.manager.views.ControllerVniTables.ControllerMacRow;
import org.netweave.manager.views.ControllerVniTables.ControllerVtepRow;
import org.netweave.model.DlrId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.LifId;
import org.netweave.model.MacAddress;
import org.netweave.model.Vni;
import org.netweave.proto.controller.v1.DlrTablesView;
import org.netweave.proto.controller.v1.Ownership;
import org.netweave.proto.controller.v1.VniTablesView;

/** A controller's answers to ShowVniTables and ShowDlrTables as the API's records. Pure functions. */
final class ControllerViewTranslation {
    private ControllerViewTranslation() {
    }

    static VniControllerSummary summary(Vni vni, VniTablesView view) {
        return new VniControllerSummary(vni.value(), view.getOwnership().getNodeId(), view.getOwnership().getEpoch(),
                view.getPresent(), view.getPresent() ? view.getReplicationMode().name() : null, view.getArpProxy(),
                view.getConnectionsCount(), view.getVtepsCount());
    }

    static ControllerVniTables tables(Vni vni, VniTablesView view) {
        Ownership ownership = view.getOwnership();
        return new ControllerVniTables(ownership.getNodeId(), vni.value(), ownership.getOwner(),
                ownership.hasOwnerNode() ? ownership.getOwnerNode().getNodeId() : null, ownership.getEpoch(),
                note(vni, view),
                view.getVtepsList().stream().map(r -> new ControllerVtepRow(ip(r.getIp()),
                        prefix(r.getSegment()).toString(), mac(r.getMac()), r.getConnectionId())).toList(),
                view.getMacsList().stream().map(r -> new ControllerMacRow(mac(r.getMac()), ip(r.getVtepIp()),
                        r.getConnectionId())).toList(),
                view.getArpsList().stream().map(r -> new ControllerArpRow(ip(r.getIp()), mac(r.getMac()),
                        r.getConnectionId())).toList(),
                view.getConnectionsList().stream().map(r -> new ControllerConnectionRow(ip(r.getHostIp()), r.getPort(),
                        r.getId(), r.getHostId())).toList());
    }

    /** Why the tables are empty, in the words an operator needs: where to ask instead. */
    static String note(Vni vni, VniTablesView view) {
        Ownership ownership = view.getOwnership();
        if (!ownership.getOwner()) {
            return ownership.hasOwnerNode()
                    ? ownership.getNodeId() + " is not the master of VNI " + vni + "; " + ownership.getOwnerNode().getNodeId()
                    + " is: ask it"
                    : ownership.getNodeId() + " is not the master of VNI " + vni + ": " + ownership.getDetail();
        }
        return view.getPresent() ? null : ownership.getNodeId() + " owns VNI " + vni
                + " but does not hold the logical switch yet";
    }

    static DlrControllerRoutes routes(DlrId dlr, DlrTablesView view) {
        List<RouteView> routes = view.getRoutesList().stream()
                .sorted(Comparator.comparing((org.netweave.proto.controller.v1.Route r) -> prefix(r.getPrefix())))
                .map(r -> RouteView.of(prefix(r.getPrefix()), Ipv4Address.of(r.getNextHop()), LifId.of(r.getLifId())))
                .toList();
        return new DlrControllerRoutes(dlr.value(), view.getOwnership().getNodeId(), view.getOwnership().getEpoch(),
                view.getPresent(), view.getControlVm().isEmpty() ? null : view.getControlVm(), routes);
    }

    private static String ip(int value) {
        return Ipv4Address.toString(value);
    }

    private static String mac(long value) {
        return MacAddress.of(value).toString();
    }

    private static Ipv4Prefix prefix(org.netweave.proto.controller.v1.Ipv4Prefix prefix) {
        return new Ipv4Prefix(Ipv4Address.of(prefix.getAddress()), prefix.getLength());
    }
}
