package org.netweave.controller.zk;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The text the NSX Controller CLI prints for {@code show control-cluster status} and
 * {@code show control-cluster startup-nodes}: labels padded to one column, a header and a rule
 * as in NSX 6.x. NSX also prints a "Since" column; Netweave does not track when a status changed,
 * so that column is left out rather than filled with a made-up time.
 */
public final class ClusterStatusText {
    private static final int LABEL_WIDTH = 20;
    private static final String RULE = "-".repeat(80);

    private ClusterStatusText() {
    }

    /** The {@code show control-cluster status} block, one line per field, ending in a newline. */
    public static String render(ClusterStatus status) {
        StringBuilder text = new StringBuilder();
        line(text, "Type", "Status");
        text.append(RULE).append('\n');
        line(text, "Join status:", status.joinStatus());
        line(text, "Majority status:", status.majorityStatus());
        line(text, "Restart status:", status.restartStatus());
        line(text, "Cluster ID:", status.clusterId());
        line(text, "Node ID:", status.nodeId().value());
        return text.toString();
    }

    /**
     * The members' addresses in server-id order, comma separated. NSX prints only IP addresses;
     * where two members share a host (several controllers on one machine, as in tests) each entry
     * carries its client port as well, so the entries stay distinguishable.
     */
    public static String startupNodes(EnsembleView view) {
        List<PeerSpec> members = view.members();
        boolean sharedHost = members.stream().map(PeerSpec::host).distinct().count() < members.size();
        return members.stream()
                .map(peer -> sharedHost ? peer.clientAddress() : peer.host())
                .collect(Collectors.joining(", "));
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(label).append(" ".repeat(Math.max(1, LABEL_WIDTH - label.length()))).append(value).append('\n');
    }
}
