package org.netweave.manager.network.router;

import java.util.List;
import java.util.regex.Pattern;

import org.netweave.manager.api.ApiException;
import org.netweave.manager.network.Fields;
import org.netweave.model.ClusterId;
import org.netweave.model.JobId;
import org.netweave.model.TransportZoneId;

/** What a DLR as a whole must satisfy, and when it may change. Pure. */
public final class DlrRules {
    public static final String DEFAULT_TENANT = "default";
    /** The tenant prefixes the host-side instance name {@code <tenant>+edge-N}, so it holds no '+'. */
    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private DlrRules() {
    }

    public static String tenant(String raw) {
        if (raw == null) {
            return DEFAULT_TENANT;
        }
        if (!TENANT.matcher(raw).matches()) {
            throw ApiException.invalid("tenant", "tenant: '" + raw + "' must be 1-64 letters, digits, '.', '_' or '-',"
                    + " starting with a letter or digit");
        }
        return raw;
    }

    /** The control VM's cluster exists and is one of the zone's, so its host holds the DLR and its bridges. */
    public static void checkApplianceCluster(ClusterId cluster, boolean exists, TransportZoneId zone, List<ClusterId> zoneClusters) {
        if (!exists) {
            throw ApiException.notFound("controlVm.clusterId", "cluster", cluster);
        }
        if (!zoneClusters.contains(cluster)) {
            throw ApiException.conflict("controlVm.clusterId", "cluster " + cluster + " is not in transport zone " + zone
                    + " of the DLR's logical switches (its clusters: " + zoneClusters + ")");
        }
    }

    /** Interfaces, routes and bridges change only on a deployed DLR that no job is working on. */
    public static void checkChangeable(DlrConfig dlr, List<JobId> activeJobs) {
        checkNotNeutrons(dlr);
        checkNoJob(dlr, activeJobs);
        if (dlr.state() != DlrState.DEPLOYED) {
            throw ApiException.conflict(null, "DLR " + dlr.id() + " is " + dlr.state() + "; its configuration changes"
                    + " once it is DEPLOYED" + (dlr.state() == DlrState.FAILED ? " (delete it and create it again)" : ""));
        }
    }

    /** A DLR is undeployed unless its deployment or another job is still working on it. */
    public static void checkUndeployable(DlrConfig dlr, List<JobId> activeJobs) {
        checkNotNeutrons(dlr);
        checkNoJob(dlr, activeJobs);
        if (dlr.state() == DlrState.DEPLOYING) {
            throw ApiException.conflict(null, "DLR " + dlr.id() + " is DEPLOYING; delete it once its deployment job has"
                    + " finished");
        }
    }

    /** A STORED DLR is a Neutron router's: the Neutron API owns its interfaces, routes and life. */
    private static void checkNotNeutrons(DlrConfig dlr) {
        if (dlr.state() == DlrState.STORED) {
            throw ApiException.conflict(null, "DLR " + dlr.id() + " is a Neutron router's (state STORED: desired state"
                    + " only, no control VM); change or delete it through the Neutron API at /v2.0/routers");
        }
    }

    private static void checkNoJob(DlrConfig dlr, List<JobId> activeJobs) {
        if (!activeJobs.isEmpty()) {
            throw ApiException.conflict(null, "job " + Fields.some(activeJobs) + " is working on DLR " + dlr.id()
                    + " (" + dlr.state() + "); retry when it has finished");
        }
    }
}
