package org.netweave.controller.runtime;

import java.util.List;
import java.util.Optional;
import org.netweave.model.DlrId;
import org.netweave.model.Ipv4Address;

/**
 * One DLR in the instance view (NSX columns LR-Id, LR-Name, Hosts[], Edge-Connection; the
 * Service-Controller column is the owner node, which the view is given).
 *
 * @param hosts          management addresses of the joined hosts, sorted, each once
 * @param edgeConnection the control VM that last pushed the forwarding table, if any has
 */
public record DlrInstanceRow(DlrId id, String name, List<Ipv4Address> hosts, Optional<ControlVmId> edgeConnection) {
    public DlrInstanceRow {
        Fields.present("dlrId", id);
        Fields.name("name", name);
        hosts = hosts.stream().distinct().sorted().toList();
        Fields.present("edgeConnection", edgeConnection);
    }
}
