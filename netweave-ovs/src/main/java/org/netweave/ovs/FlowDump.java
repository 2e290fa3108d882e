package org.netweave.ovs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code ovs-ofctl --names dump-flows} back into stages, for tests, show commands and
 * counters. Pure parsing of the dump text.
 */
public final class FlowDump {
    private static final Pattern LINE = Pattern.compile(
            "table=(\\d+), n_packets=(\\d+), n_bytes=\\d+, (?:[a-z_]+=[^ ,]+, )*priority=(\\d+)(?:,(\\S+))? actions=(\\S*)");

    /** One installed flow as the switch reports it (its own spelling of match and actions). */
    public record Entry(Stage stage, int priority, String match, String actions, long packets) {
        public String brief() {
            return stage.bridge().deviceName() + " " + stage.name() + " priority=" + priority
                    + (match.isEmpty() ? "" : " " + match);
        }
    }

    private FlowDump() {
    }

    public static List<Entry> parse(OvsBridge bridge, String dump) {
        List<Entry> entries = new ArrayList<>();
        for (String line : dump.lines().toList()) {
            Matcher m = LINE.matcher(line);
            if (m.find()) {
                entries.add(new Entry(Stage.of(bridge, Integer.parseInt(m.group(1))), Integer.parseInt(m.group(3)),
                        m.group(4) == null ? "" : m.group(4), m.group(5), Long.parseLong(m.group(2))));
            }
        }
        return entries;
    }
}
