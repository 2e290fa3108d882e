package org.netweave.manager.southbound;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.netweave.manager.network.vtep.ExternalVtepConfig;
import org.netweave.model.ClusterId;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.MacAddress;
import org.netweave.model.TransportZoneId;
import org.netweave.model.VmId;

/**
 * The rows of the desired state that hosts' configurations are made of, as {@link HostConfigIndex}
 * keeps them, and what one round read of them: every row written since the last round, and the
 * cluster membership of the transport zones (a small table without generations, read whole).
 */
final class HostConfigRows {
    private HostConfigRows() {
    }

    /** @param vtepPrefixLength the VTEP VMkernel port's subnet length; 0 without a VTEP */
    record HostRow(HostId id, ClusterId cluster, Optional<Ipv4Address> vtep, int vtepPrefixLength,
                   Optional<MacAddress> routerMac) {
    }

    record ZoneCluster(TransportZoneId zone, ClusterId cluster) {
    }

    record SwitchRow(LogicalSwitchId id, TransportZoneId zone, HostConfigInputs.SwitchInput config) {
    }

    /**
     * A DLR and the zone whose hosts carry its id: empty until its deployment created the instances
     * (seed 000 step 5), and after they were removed.
     */
    record DlrRow(DlrId id, Optional<TransportZoneId> instancesIn) {
    }

    record VnicKey(VmId vm, int index) {
    }

    /** A vNIC of a VM and the host the VM runs on. */
    record VnicRow(VnicKey key, HostId host, HostConfigInputs.VnicInput config) {
    }

    /**
     * The rows written since the last round (an updated row and a new one alike). {@code externalVteps}
     * holds, for each switch whose external VTEPs changed, all of them.
     */
    record Changed(List<HostRow> hosts, Set<ZoneCluster> zoneClusters, List<SwitchRow> switches,
                   Map<LogicalSwitchId, List<ExternalVtepConfig>> externalVteps, List<DlrRow> dlrs, List<VnicRow> vnics) {
    }

    /** How many rows each table has; a table with fewer rows than the index holds lost some. */
    record Counts(long hosts, long switches, long externalVteps, long dlrs, long vnics) {
    }
}
