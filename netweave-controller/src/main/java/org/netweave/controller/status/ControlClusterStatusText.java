package org.netweave.controller.status;

import java.util.List;

import org.netweave.controller.zk.ClusterStatus;
import org.netweave.controller.zk.ClusterStatusText;
import org.netweave.controller.zk.EnsembleView;

/**
 * The text of {@code show control-cluster status} and {@code show control-cluster startup-nodes}
 * as the NSX Controller prints them: the status block of {@link ClusterStatusText}, a blank line,
 * then one row per role with its configured and active status.
 *
 * <pre>
 * Role                Configured status   Active status
 * --------------------------------------------------------------------------------
 * api_provider        enabled             activated
 * </pre>
 */
public final class ControlClusterStatusText {
    private static final int COLUMN_WIDTH = 20;
    private static final String RULE = "-".repeat(80);

    private ControlClusterStatusText() {
    }

    /** {@code show control-cluster status}, ending in a newline. */
    public static String status(ClusterStatus status, List<RoleActivity> roles) {
        StringBuilder text = new StringBuilder(ClusterStatusText.render(status));
        text.append('\n');
        row(text, "Role", "Configured status", "Active status");
        text.append(RULE).append('\n');
        for (RoleActivity role : roles) {
            row(text, role.role().cliName(), role.configuredStatus(), role.activeStatus());
        }
        return text.toString();
    }

    /** {@code show control-cluster startup-nodes}: the members' addresses on one line. */
    public static String startupNodes(EnsembleView membership) {
        return ClusterStatusText.startupNodes(membership) + "\n";
    }

    private static void row(StringBuilder text, String role, String configured, String active) {
        text.append(pad(role)).append(pad(configured)).append(active).append('\n');
    }

    private static String pad(String value) {
        return value + " ".repeat(Math.max(1, COLUMN_WIDTH - value.length()));
    }
}
