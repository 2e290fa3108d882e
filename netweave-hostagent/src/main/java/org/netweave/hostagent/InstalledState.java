package org.netweave.hostagent;

import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import org.netweave.model.DlrId;

/**
 * What the host has carried out so far: the session it holds to the controller cluster (if any)
 * and the DLRs joined on that session.
 *
 * @param session empty while the host holds no session
 * @param dlrs    the DLRs joined on {@code session}; empty without one
 */
public record InstalledState(Optional<SessionTarget> session, SortedSet<DlrId> dlrs) {
    public static final InstalledState EMPTY = new InstalledState(Optional.empty(), new TreeSet<>());

    public InstalledState {
        Objects.requireNonNull(session, "session");
        dlrs = Collections.unmodifiableSortedSet(new TreeSet<>(dlrs));
        if (session.isEmpty() && !dlrs.isEmpty()) {
            throw new IllegalArgumentException("DLRs " + dlrs + " cannot be joined without a session");
        }
    }
}
