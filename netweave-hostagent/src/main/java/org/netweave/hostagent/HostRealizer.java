package org.netweave.hostagent;

import java.util.Optional;

import org.netweave.controller.client.HostSession;

/**
 * Carries a configuration further than the controller session, into the host: what a
 * {@link HostConfigFollower} calls after each configuration and on each periodic check, so
 * controller tables that arrived since are realised too. Called on the follower thread only.
 */
@FunctionalInterface
public interface HostRealizer {
    /** No datapath: the control plane is in sync once the session has every VNI and DLR from its owners. */
    HostRealizer SESSION_ONLY = (desired, session, fullResync) -> session.map(HostSession::isSettled).orElse(false);

    /**
     * Realises {@code desired}. The follower reports a generation as applied only after this
     * returned for it.
     *
     * @param session    the host's controller session; empty while it has none
     * @param fullResync the session is new, the manager's stream came back or the last call failed:
     *                   everything is applied again rather than only the difference
     * @return whether the control plane is in sync (every controller table the host needs is current)
     * @throws RuntimeException when {@code desired} could not be realised; it is tried again at the next check
     */
    boolean realize(HostDesiredState desired, Optional<HostSession> session, boolean fullResync);
}
