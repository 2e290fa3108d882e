package org.netweave.controller.status;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.netweave.controller.cluster.RoleStatus;

/**
 * The text of {@code show control-cluster roles} in the NSX Controller's layout: the role name
 * left-aligned, then {@code Listen-IP}, {@code Master?}, {@code Last-Changed} and {@code Count}
 * right-aligned, with NSX's column widths (widened when a value needs more room).
 *
 * <pre>
 *                           Listen-IP  Master?    Last-Changed  Count
 * api_provider         Not configured      Yes  09/18 08:45:17      6
 * persistence_server              N/A      Yes  09/18 08:45:17      5
 * switch_manager      127.0.0.1:41235      Yes  09/18 08:45:17      6
 * </pre>
 */
public final class ControlClusterRolesText {
    /** What NSX prints as api_provider's Listen-IP; see {@link #listenIp}. */
    public static final String NOT_CONFIGURED = "Not configured";
    /** What NSX prints for a role without a listener of its own. */
    public static final String NOT_APPLICABLE = "N/A";
    /** Last-Changed of a role whose mastership this node has never seen change. */
    public static final String NEVER = "never";

    private static final DateTimeFormatter LAST_CHANGED = DateTimeFormatter.ofPattern("MM/dd HH:mm:ss");
    private static final int ROLE_WIDTH = 20;
    private static final int[] MIN_WIDTHS = {15, 9, 16, 7};
    private static final String[] HEADERS = {"Listen-IP", "Master?", "Last-Changed", "Count"};

    private ControlClusterRolesText() {
    }

    /** The table, one row per role in the order given, ending in a newline; times in {@code zone}. */
    public static String render(List<RoleStatus> roles, ZoneId zone) {
        List<String[]> rows = new ArrayList<>();
        for (RoleStatus role : roles) {
            rows.add(new String[] {listenIp(role), role.master() ? "Yes" : "No",
                    role.lastChanged().map(at -> LAST_CHANGED.format(at.atZone(zone))).orElse(NEVER),
                    Integer.toString(role.count())});
        }
        int[] widths = widths(rows);
        StringBuilder text = new StringBuilder();
        line(text, "", HEADERS, widths);
        for (int i = 0; i < roles.size(); i++) {
            line(text, roles.get(i).role().cliName(), rows.get(i), widths);
        }
        return text.toString();
    }

    /**
     * Where hosts reach the node for a role. NSX prints "Not configured" for api_provider because
     * NSX Manager, not the controllers, publishes the NSX API; Netweave's manager serves the
     * northbound API in the same way, so a controller has no API listener either. The two
     * sharding roles are served on the node's host-facing address, where hosts open their
     * sessions for the slices those roles assign. persistence_server and directory_server have
     * no listener of their own (persistence is the ZooKeeper peer, whose ports belong to {@code
     * show control-cluster connections}), so they print "N/A" as on NSX. The address keeps its
     * port: embedded controllers share 127.0.0.1 and differ only by port.
     */
    static String listenIp(RoleStatus role) {
        return switch (role.role()) {
            case API_PROVIDER -> NOT_CONFIGURED;
            case SWITCH_MANAGER, LOGICAL_MANAGER -> role.listenAddress();
            case PERSISTENCE_SERVER, DIRECTORY_SERVER -> NOT_APPLICABLE;
        };
    }

    /**
     * NSX's widths, widened to fit. Listen-IP may fill its column completely, because the role
     * column (longest name 18 of 20) always leaves a gap; the others keep two spaces before the value.
     */
    private static int[] widths(List<String[]> rows) {
        int[] widths = MIN_WIDTHS.clone();
        for (String[] row : rows) {
            widths[0] = Math.max(widths[0], row[0].length());
            for (int column = 1; column < row.length; column++) {
                widths[column] = Math.max(widths[column], row[column].length() + 2);
            }
        }
        return widths;
    }

    private static void line(StringBuilder text, String role, String[] cells, int[] widths) {
        text.append(role).append(" ".repeat(Math.max(1, ROLE_WIDTH - role.length())));
        for (int column = 0; column < cells.length; column++) {
            text.append(" ".repeat(Math.max(0, widths[column] - cells[column].length()))).append(cells[column]);
        }
        text.append('\n');
    }
}
