package org.netweave.controller.cluster;

import org.apache.curator.utils.ZKPaths;
import org.netweave.controller.slice.Role;
import org.netweave.model.ControllerId;
import org.netweave.model.DlrId;
import org.netweave.model.Vni;

/**
 * Where the controller cluster keeps its state in ZooKeeper. All paths hang below
 * {@code /netweave} so the ensemble can be shared with other applications.
 *
 * <pre>
 * /netweave/serving/&lt;node&gt;            ephemeral; data = host-facing address. Present only while the
 *                                     node can serve hosts: the role masters assign slices to these.
 * /netweave/roles/&lt;role&gt;/latch        Curator LeaderLatch of the role
 * /netweave/roles/&lt;role&gt;/assignment   the published SliceAssignment (protobuf), versioned
 * /netweave/objects/switches/&lt;vni&gt;    a logical switch's configuration (persistence_server)
 * /netweave/objects/dlrs/&lt;dlr&gt;        a DLR's configuration and forwarding table
 * </pre>
 */
public final class ZkLayout {
    public static final String ROOT = "/netweave";
    public static final String SERVING = ROOT + "/serving";
    public static final String SWITCHES = ROOT + "/objects/switches";
    public static final String DLRS = ROOT + "/objects/dlrs";

    private ZkLayout() {
    }

    public static String serving(ControllerId node) {
        return ZKPaths.makePath(SERVING, node.value());
    }

    public static String latch(Role role) {
        return ZKPaths.makePath(ROOT, "roles", role.cliName(), "latch");
    }

    public static String assignment(Role role) {
        return ZKPaths.makePath(ROOT, "roles", role.cliName(), "assignment");
    }

    public static String logicalSwitch(Vni vni) {
        return ZKPaths.makePath(SWITCHES, Integer.toString(vni.value()));
    }

    public static String dlr(DlrId dlr) {
        return ZKPaths.makePath(DLRS, dlr.value());
    }
}
