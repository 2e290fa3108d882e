package org.netweave.manager.inventory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.netweave.manager.api.ApiException;
import org.netweave.model.ClusterId;
import org.netweave.model.HostId;
import org.netweave.model.InvalidValueException;
import org.netweave.model.MacAddress;

/**
 * A VM to create through the API: on the given host, or on the host {@link Placement} picks in the
 * given cluster (exactly one of the two).
 */
public record VmSpec(String name, Optional<HostId> host, Optional<ClusterId> cluster, VmKind kind, PowerState powerState,
                     List<VnicSpec> vnics) {
    public VmSpec {
        vnics = List.copyOf(vnics);
        if (host.isPresent() && cluster.isPresent()) {
            throw new InvalidValueException("clusterId", cluster.get().value(),
                    "must be absent when hostId is given: give a host, or a cluster to place the VM in");
        }
        if (host.isEmpty() && cluster.isEmpty()) {
            throw new ApiException(400, "missing_field", "hostId",
                    "hostId is required unless clusterId is given to let the manager place the VM");
        }
        requireDistinctMacs(vnics);
    }

    static void requireDistinctMacs(List<VnicSpec> vnics) {
        Map<MacAddress, Integer> seen = new HashMap<>();
        for (int i = 0; i < vnics.size(); i++) {
            int index = i;
            vnics.get(i).mac().ifPresent(mac -> {
                Integer before = seen.putIfAbsent(mac, index);
                if (before != null) {
                    throw new InvalidValueException("vnics[" + index + "].mac", mac.toString(),
                            "is also vnics[" + before + "]'s MAC");
                }
            });
        }
    }
}
