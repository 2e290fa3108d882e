package org.netweave.hostagent;

import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import org.netweave.model.DlrId;

/**
 * The steps from what the host has installed to what the manager wants (OVN's desired versus
 * installed): what to do with the session, then which DLRs to join and leave on it. Only the
 * difference is carried out, so an unchanged configuration costs nothing.
 *
 * @param target the session to open for {@link SessionAction#OPEN} and {@link SessionAction#REPLACE};
 *               empty for the other actions
 */
public record HostDiff(SessionAction session, Optional<SessionTarget> target, SortedSet<DlrId> join,
                       SortedSet<DlrId> leave) {

    /** What happens to the host's session to the controller cluster. */
    public enum SessionAction {
        /** The session stays (or there is none and none is wanted). */
        KEEP,
        /** The first session: the host now has a VTEP and a controller list. */
        OPEN,
        /** The VTEP or the controller list changed: a new session, and everything is joined again on it. */
        REPLACE,
        /** The configuration no longer allows a session (VTEP unprepared, no controllers). */
        CLOSE
    }

    public HostDiff {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(target, "target");
        join = Collections.unmodifiableSortedSet(new TreeSet<>(join));
        leave = Collections.unmodifiableSortedSet(new TreeSet<>(leave));
        boolean opens = session == SessionAction.OPEN || session == SessionAction.REPLACE;
        if (opens != target.isPresent()) {
            throw new IllegalArgumentException(session + " with target " + target);
        }
    }

    /** The steps from {@code installed} to {@code desired}. Pure. */
    public static HostDiff between(InstalledState installed, HostDesiredState desired) {
        Optional<SessionTarget> wanted = desired.sessionTarget();
        if (wanted.isEmpty()) {
            SessionAction action = installed.session().isPresent() ? SessionAction.CLOSE : SessionAction.KEEP;
            return new HostDiff(action, Optional.empty(), new TreeSet<>(), new TreeSet<>());
        }
        if (installed.session().isEmpty() || !installed.session().equals(wanted)) {
            // A fresh session holds nothing, so everything wanted is joined and nothing needs leaving.
            SessionAction action = installed.session().isEmpty() ? SessionAction.OPEN : SessionAction.REPLACE;
            return new HostDiff(action, wanted, desired.dlrs(), new TreeSet<>());
        }
        SortedSet<DlrId> join = new TreeSet<>(desired.dlrs());
        join.removeAll(installed.dlrs());
        SortedSet<DlrId> leave = new TreeSet<>(installed.dlrs());
        leave.removeAll(desired.dlrs());
        return new HostDiff(SessionAction.KEEP, Optional.empty(), join, leave);
    }

    public boolean isEmpty() {
        return session == SessionAction.KEEP && join.isEmpty() && leave.isEmpty();
    }

    /** What is installed once this diff has been carried out on {@code before}. Pure. */
    public InstalledState carriedOut(InstalledState before) {
        return switch (session) {
            case CLOSE -> InstalledState.EMPTY;
            case OPEN, REPLACE -> new InstalledState(target, join);
            case KEEP -> {
                SortedSet<DlrId> dlrs = new TreeSet<>(before.dlrs());
                dlrs.addAll(join);
                dlrs.removeAll(leave);
                yield new InstalledState(before.session(), dlrs);
            }
        };
    }
}
