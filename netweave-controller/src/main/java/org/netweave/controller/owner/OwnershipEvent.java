package org.netweave.controller.owner;

import org.netweave.controller.slice.Role;
import org.netweave.model.ControllerId;

/**
 * A node started or stopped acting as the owner of a slice. Kept so that tests can check that no
 * two nodes ever act for the same slice at the same time, and so that operators can see the
 * history ({@code show control-cluster history}).
 *
 * @param nanos {@link System#nanoTime()} at the change, comparable across nodes of one JVM
 */
public record OwnershipEvent(ControllerId node, Role role, int slice, long epoch, boolean acquired, long nanos) {
}
