package org.netweave.manager.neutron;

import org.netweave.manager.network.router.DlrRules;

/**
 * The project ({@code tenant_id}, {@code project_id}) of a new resource. Without Keystone there
 * is no token to take it from, so it is what the body says, else {@link DlrRules#DEFAULT_TENANT}:
 * the same default tenant a native DLR gets.
 */
final class Projects {
    private Projects() {
    }

    static String of(NeutronBody body) {
        String tenant = body.text("tenant_id").orElse(null);
        String project = body.text("project_id").orElse(null);
        if (tenant != null && project != null && !tenant.equals(project)) {
            throw NeutronException.invalid("project_id", "tenant_id '" + tenant + "' and project_id '" + project
                    + "' differ");
        }
        String chosen = project != null ? project : tenant != null ? tenant : DlrRules.DEFAULT_TENANT;
        if (chosen.isEmpty() || chosen.length() > 255) {
            throw NeutronException.invalid("project_id", "'" + chosen + "' must be 1-255 characters");
        }
        return chosen;
    }
}
