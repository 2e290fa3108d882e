package org.netweave.manager.network.router;

import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Handle;
import org.netweave.manager.api.ApiException;
import org.netweave.manager.network.Spans;
import org.netweave.manager.realization.Realization;
import org.netweave.manager.realization.RealizationService;
import org.netweave.manager.store.Store;
import org.netweave.model.DlrId;
import org.netweave.model.HostId;
import org.netweave.model.TransportZoneId;

/** Reads of DLRs: views for the API, whole configurations for the deployment job and the reconciler. */
public final class DlrService {
    private final Store store;
    private final RealizationService realization;

    public DlrService(Store store, RealizationService realization) {
        this.store = store;
        this.realization = realization;
    }

    public List<DlrSummary> list() {
        return store.read(handle -> {
            Map<TransportZoneId, List<HostId>> hosts = Spans.hostsByZone(handle);
            return DlrStore.list(handle).stream().map(dlr -> DlrSummary.of(dlr, realization.of(dlr.generation(),
                    !heldByHosts(dlr) ? List.of() : hosts.getOrDefault(dlr.transportZone(), List.of())))).toList();
        });
    }

    public Dlr get(DlrId id) {
        return store.read(handle -> {
            DlrConfig dlr = find(handle, id);
            return Dlr.of(dlr, realization(handle, dlr));
        });
    }

    public DlrStaticRouting staticRouting(DlrId id) {
        return store.read(handle -> DlrStaticRouting.of(find(handle, id)));
    }

    /** The DLR's whole configuration: LIFs with their VNIs or VLANs, routes, bridges, zone; 404 naming {@code id}. */
    public DlrConfig config(DlrId id) {
        return store.read(handle -> find(handle, id));
    }

    /** Every DLR's configuration. */
    public List<DlrConfig> configs() {
        return store.read(DlrStore::list);
    }

    /**
     * The hosts that hold the DLR: every host of its transport zone's clusters; none for a DLR
     * that is only stored (a Neutron router: no host holds an instance of it).
     */
    public List<HostId> span(DlrId id) {
        return store.read(handle -> span(handle, find(handle, id)));
    }

    static List<HostId> span(Handle handle, DlrConfig dlr) {
        return heldByHosts(dlr) ? Spans.hostsOfZone(handle, dlr.transportZone()) : List.of();
    }

    private static boolean heldByHosts(DlrConfig dlr) {
        return dlr.transportZone() != null && dlr.state() != DlrState.STORED;
    }

    Realization realization(Handle handle, DlrConfig dlr) {
        return realization.of(dlr.generation(), span(handle, dlr));
    }

    static DlrConfig find(Handle handle, DlrId id) {
        return DlrStore.get(handle, id).orElseThrow(() -> ApiException.notFound("id", "DLR", id));
    }

    /** The DLR, if its interfaces, routes and bridges may change now (deployed, no job on it). */
    static DlrConfig findChangeable(Handle handle, DlrId id) {
        DlrConfig dlr = find(handle, id);
        DlrRules.checkChangeable(dlr, DlrStore.activeJobs(handle, id));
        return dlr;
    }
}
