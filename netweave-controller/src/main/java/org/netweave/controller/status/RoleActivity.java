package org.netweave.controller.status;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.netweave.controller.slice.Role;

/**
 * One row of the role block of {@code show control-cluster status}: whether the node is
 * configured for a role and whether it runs it now.
 *
 * <p>Every Netweave node is configured for every role and, once started, takes part in every
 * role's election, so a running node reports all five as enabled and activated. The record
 * keeps both flags anyway, so the view stays honest if a node ever runs a subset.
 *
 * @param configured printed as {@value #ENABLED} or {@value #DISABLED}
 * @param active     printed as {@value #ACTIVATED} or {@value #NOT_ACTIVATED}
 */
public record RoleActivity(Role role, boolean configured, boolean active) {
    public static final String ENABLED = "enabled";
    public static final String DISABLED = "disabled";
    public static final String ACTIVATED = "activated";
    public static final String NOT_ACTIVATED = "not activated";

    public RoleActivity {
        Objects.requireNonNull(role, "role");
    }

    /** Every role configured, and active exactly when {@code running}. */
    public static List<RoleActivity> allRoles(boolean running) {
        return Arrays.stream(Role.values()).map(role -> new RoleActivity(role, true, running)).toList();
    }

    public String configuredStatus() {
        return configured ? ENABLED : DISABLED;
    }

    public String activeStatus() {
        return active ? ACTIVATED : NOT_ACTIVATED;
    }
}
