package org.netweave.controller.cluster;

import java.time.Instant;
import java.util.Optional;

import org.netweave.controller.slice.Role;

/**
 * One row of {@code show control-cluster roles}: where the node listens for the role, whether it
 * is the role's master, when that last changed and how many times this node became master.
 */
public record RoleStatus(Role role, String listenAddress, boolean master, Optional<Instant> lastChanged, int count) {
}
