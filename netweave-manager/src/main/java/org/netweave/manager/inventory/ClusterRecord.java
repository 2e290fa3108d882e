package org.netweave.manager.inventory;

import java.util.List;
import java.util.Optional;

import org.netweave.model.ClusterId;
import org.netweave.model.DatacenterId;
import org.netweave.model.HostId;

/**
 * A compute cluster as stored.
 *
 * @param vtepPool the pool it was prepared from; present once the cluster is prepared, and then
 *                 every host added to it is prepared from this pool
 * @param hosts    its hosts in natural id order
 */
public record ClusterRecord(ClusterId id, DatacenterId datacenterId, String name, Optional<IpPoolId> vtepPool,
                            List<HostId> hosts, long generation) {
    public ClusterRecord {
        hosts = List.copyOf(hosts);
    }

    public boolean prepared() {
        return vtepPool.isPresent();
    }
}
