package org.netweave.ovs;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One OpenFlow flow of a bridge. Its identity for OpenFlow is (stage, priority, match): adding a
 * flow with the same key replaces the old one, and {@code delete_strict} needs exactly that key.
 *
 * @param match ovs-ofctl match fields, comma-separated, empty for "match everything"; port names
 *              rather than numbers (ovs-ofctl resolves them on the switch)
 */
public record Flow(Stage stage, int priority, String match, List<Action> actions) {

    /** Golden order: bridge, table, then descending priority as ovs-ofctl dumps, then text. */
    public static final Comparator<Flow> ORDER = Comparator
            .comparing((Flow f) -> f.stage().bridge())
            .thenComparingInt(f -> f.stage().table())
            .thenComparing(Comparator.comparingInt(Flow::priority).reversed())
            .thenComparing(Flow::match)
            .thenComparing(Flow::golden);

    public Flow {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(match, "match");
        actions = List.copyOf(actions);
        if (priority < 0 || priority > 65535) {
            throw new IllegalArgumentException("priority " + priority + " is outside 0-65535");
        }
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("a flow needs at least one action (write 'drop' to drop)");
        }
    }

    public static Flow of(Stage stage, int priority, String match, Action... actions) {
        return new Flow(stage, priority, match, List.of(actions));
    }

    public Key key() {
        return new Key(stage, priority, match);
    }

    /** e.g. {@code br-tun DVR_PROCESS priority=1 dl_vlan=906,dl_src=02:.. actions=mod_dl_src:..,goto_table:PATCH_LV_TO_TUN} */
    public String golden() {
        return stage.bridge().deviceName() + " " + stage.name() + " priority=" + priority
                + (match.isEmpty() ? "" : " " + match)
                + " actions=" + actions.stream().map(Action::golden).collect(Collectors.joining(","));
    }

    /** The line ovs-ofctl add-flows reads. */
    public String ofctl() {
        return key().ofctl() + ",actions=" + actions.stream().map(Action::ofctl).collect(Collectors.joining(","));
    }

    /** What OpenFlow identifies a flow by. */
    public record Key(Stage stage, int priority, String match) {
        /** The key as an ovs-ofctl {@code delete_strict} argument. */
        public String ofctl() {
            return "table=" + stage.table() + ",priority=" + priority + (match.isEmpty() ? "" : "," + match);
        }
    }
}
