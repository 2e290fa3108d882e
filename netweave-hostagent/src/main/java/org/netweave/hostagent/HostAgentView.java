package org.netweave.hostagent;

import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.netweave.model.DlrId;
import org.netweave.model.HostId;

/**
 * A snapshot of what a {@link HostConfigFollower} has done, for tests, logs and the CLI.
 *
 * @param appliedGeneration   the newest configuration generation applied; 0 before the first
 * @param connectedToManager  whether the configuration stream is up and has delivered a configuration
 * @param dlrsJoined          the DLRs joined on the host's controller session: those of the applied
 *                            configuration while the host has a session, none without one
 * @param dlrs                every DLR of the applied configuration and how far it has come
 * @param controlPlaneInSync  whether the host has a controller session that holds every VNI and DLR
 *                            the host needs with its owner's current tables; false is NSX's
 *                            "control plane out of sync": the host forwards with what it has
 */
public record HostAgentView(HostId host, long appliedGeneration, boolean connectedToManager,
                            SortedSet<DlrId> dlrsJoined, SortedMap<DlrId, DlrRealization> dlrs,
                            boolean controlPlaneInSync) {
    public HostAgentView {
        dlrsJoined = Collections.unmodifiableSortedSet(new TreeSet<>(dlrsJoined));
        dlrs = Collections.unmodifiableSortedMap(new TreeMap<>(dlrs));
    }

    static HostAgentView initial(HostId host) {
        return new HostAgentView(host, 0, false, new TreeSet<>(), new TreeMap<>(), false);
    }
}
