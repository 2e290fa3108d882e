package org.netweave.manager.network.zone;

import java.util.List;

import org.netweave.model.ClusterId;
import org.netweave.model.ReplicationMode;
import org.netweave.model.TransportZoneId;

/** A transport zone as stored: the clusters its logical switches and DLRs reach, sorted by id. */
public record TransportZoneConfig(TransportZoneId id, String name, ReplicationMode replicationMode,
                                  List<ClusterId> clusters, long generation) {
    public TransportZoneConfig {
        clusters = List.copyOf(clusters);
    }
}
