package org.netweave.manager.views;

import org.netweave.dataplane.DatapathTables;
import org.netweave.manager.api.ApiException;
import org.netweave.manager.hosttables.HostTablesSource;
import org.netweave.manager.inventory.InventoryService;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.Vni;

/**
 * The host side of the operator views: what a host's datapath has installed, read through the
 * manager's {@link HostTablesSource}. An unknown host is 404; a known host the source cannot ask
 * (no source at all, or the host is down) is 503, because the tables exist but cannot be read
 * now; a host that holds no such VNI or DLR is 404 naming that field.
 */
public final class HostTableViews {
    private final InventoryService inventory;
    private final HostTablesSource source;

    public HostTableViews(InventoryService inventory, HostTablesSource source) {
        this.inventory = inventory;
        this.source = source;
    }

    public HostVniTables vni(HostId host, Vni vni) {
        DatapathTables tables = tables(host);
        return tables.findLogicalSwitch(vni.value())
                .map(ls -> HostViewTranslation.vni(tables, ls))
                .orElseThrow(() -> new ApiException(404, "not_found", "vni",
                        host + " holds no logical switch with VNI " + vni));
    }

    public HostDlrTables dlr(HostId host, DlrId dlr) {
        DatapathTables tables = tables(host);
        return tables.findRouter(dlr)
                .map(r -> HostViewTranslation.dlr(tables, r))
                .orElseThrow(() -> new ApiException(404, "not_found", "dlrId", host + " holds no instance of DLR " + dlr));
    }

    private DatapathTables tables(HostId host) {
        inventory.host(host).orElseThrow(() -> ApiException.notFound("id", "host", host));
        if (source == HostTablesSource.NONE) {
            throw ApiException.unavailable("this manager has no way to read hosts' datapath tables (no host tables "
                    + "source: it runs without the all-in-one's emulated hosts)");
        }
        return source.tables(host).orElseThrow(() -> ApiException.unavailable(host + "'s datapath did not answer: "
                + "the host is down or not connected"));
    }
}
