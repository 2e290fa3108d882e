package org.netweave.controlvm;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A forwarding table and the routes left out of it as text, one line per route in the table's
 * order: what golden tests compare and what a CLI or a log prints.
 *
 * <pre>
 * route 10.0.1.0/24 connected on lif-1
 * route 192.168.10.0/24 via 10.0.1.254 on lif-1
 * unresolved 192.168.20.0/24 via 10.9.9.9: NEXT_HOP_OFF_LINK (on no LIF's subnet)
 * </pre>
 */
public final class ForwardingTableText {
    private ForwardingTableText() {
    }

    public static String format(ForwardingTableResult result) {
        return Stream.concat(result.routes().stream().map(route -> "route " + route),
                result.unresolved().stream().map(route -> "unresolved " + route))
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
