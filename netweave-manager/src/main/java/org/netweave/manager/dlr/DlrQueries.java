package org.netweave.manager.dlr;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.jdbi.v3.core.Handle;
import org.netweave.manager.network.router.DlrState;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.TransportZoneId;
import org.netweave.model.VmId;

/** Reads of a DLR and of what its deployment touches, for the jobs and the reconciler. */
final class DlrQueries {
    private DlrQueries() {
    }

    /** The DLR's control VMs, appliance 0 (the one that starts active) first. */
    static List<VmId> controlVms(Handle handle, DlrId id) {
        return handle.createQuery("SELECT id FROM vm WHERE kind = 'CONTROL_VM' AND dlr_id = :dlr ORDER BY name")
                .bind("dlr", id.value()).map((rs, ctx) -> VmId.of(rs.getString(1))).list();
    }

    /** The deployed DLRs with the generation of the last write to their configuration. */
    static Map<DlrId, Long> deployedGenerations(Handle handle) {
        Map<DlrId, Long> deployed = new TreeMap<>();
        handle.createQuery("SELECT id, generation FROM dlr WHERE state = 'DEPLOYED'")
                .map((rs, ctx) -> Map.entry(DlrId.of(rs.getString(1)), rs.getLong(2)))
                .forEach(e -> deployed.put(e.getKey(), e.getValue()));
        return deployed;
    }

    static Optional<HostId> hostOf(Handle handle, VmId vm) {
        return handle.createQuery("SELECT host_id FROM vm WHERE id = :vm").bind("vm", vm.value())
                .map((rs, ctx) -> HostId.of(rs.getString(1))).findOne();
    }

    /** Step 5 done (or undone): the DLR's zone, and whether its hosts carry its id. */
    static void setInstances(Handle handle, long generation, DlrId id, TransportZoneId zone, boolean created) {
        handle.createUpdate("UPDATE dlr SET transport_zone_id = COALESCE(:zone, transport_zone_id), "
                        + "instances_created = :created, generation = :g WHERE id = :id")
                .bind("zone", zone == null ? null : zone.value()).bind("created", created)
                .bind("g", generation).bind("id", id.value()).execute();
    }

    /** The master the controller cluster chose (step 6). */
    static void setController(Handle handle, long generation, DlrId id, String controller) {
        handle.createUpdate("UPDATE dlr SET controller_id = :controller, generation = :g WHERE id = :id")
                .bind("controller", controller).bind("g", generation).bind("id", id.value()).execute();
    }

    static void setLifsPublished(Handle handle, long generation, DlrId id) {
        handle.createUpdate("UPDATE dlr SET lifs_published = TRUE, generation = :g WHERE id = :id")
                .bind("g", generation).bind("id", id.value()).execute();
    }

    static void setState(Handle handle, long generation, DlrId id, DlrState state) {
        handle.createUpdate("UPDATE dlr SET state = :state, generation = :g WHERE id = :id")
                .bind("state", state.name()).bind("g", generation).bind("id", id.value()).execute();
    }
}
