package org.netweave.manager.network.lswitch;

import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Handle;
import org.netweave.manager.api.ApiException;
import org.netweave.manager.network.Spans;
import org.netweave.manager.network.zone.TransportZoneStore;
import org.netweave.manager.realization.RealizationService;
import org.netweave.manager.store.Store;
import org.netweave.model.HostId;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.TransportZoneId;

/** Reads of logical switches, with their realised state over the hosts of their zone. */
public final class LogicalSwitchService {
    private final Store store;
    private final RealizationService realization;

    public LogicalSwitchService(Store store, RealizationService realization) {
        this.store = store;
        this.realization = realization;
    }

    /** All switches, or those of one zone (404 naming {@code transportZoneId} for an unknown zone). */
    public List<LogicalSwitch> list(TransportZoneId zone) {
        return store.read(handle -> {
            List<LogicalSwitchConfig> configs;
            if (zone == null) {
                configs = LogicalSwitchStore.list(handle);
            } else {
                TransportZoneStore.get(handle, zone)
                        .orElseThrow(() -> ApiException.notFound("transportZoneId", "transport zone", zone));
                configs = LogicalSwitchStore.listByZone(handle, zone);
            }
            Map<TransportZoneId, List<HostId>> hosts = Spans.hostsByZone(handle);
            return configs.stream().map(config -> LogicalSwitch.of(config,
                    realization.of(config.generation(), hosts.getOrDefault(config.transportZone(), List.of())))).toList();
        });
    }

    public LogicalSwitch get(LogicalSwitchId id) {
        return store.read(handle -> view(handle, find(handle, id)));
    }

    /** The switch as stored; 404 naming {@code id} if there is none. */
    public LogicalSwitchConfig config(LogicalSwitchId id) {
        return store.read(handle -> find(handle, id));
    }

    /** The switches of one zone as stored, oldest first. */
    public List<LogicalSwitchConfig> configs(TransportZoneId zone) {
        return store.read(handle -> LogicalSwitchStore.listByZone(handle, zone));
    }

    /** The hosts that hold the switch: every host of its zone's clusters. */
    public List<HostId> span(LogicalSwitchId id) {
        return store.read(handle -> Spans.hostsOfZone(handle, find(handle, id).transportZone()));
    }

    LogicalSwitch view(Handle handle, LogicalSwitchConfig config) {
        return LogicalSwitch.of(config, realization.of(config.generation(), Spans.hostsOfZone(handle, config.transportZone())));
    }

    private static LogicalSwitchConfig find(Handle handle, LogicalSwitchId id) {
        return LogicalSwitchStore.get(handle, id).orElseThrow(() -> ApiException.notFound("id", "logical switch", id));
    }
}
