package org.netweave.ovs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.netweave.model.Ipv4Address;

/**
 * What {@code ovs-appctl ofproto/trace} says of one packet, read back into our stages: the flows
 * it matched, bridge by bridge (patch ports are followed, so one trace covers br-int and br-tun),
 * the header fields it ended with, and where the datapath would send it. Pure parsing.
 *
 * @param steps      the flows matched, in order; only br-int's and br-tun's (br-phy's NORMAL is not ours)
 * @param finalFlow  the header fields after every rewrite ({@code dl_src=…}), empty if unchanged
 * @param outputs    where the packet goes: datapath ports, tunnels; empty when it is dropped
 */
public record OfprotoTrace(List<Step> steps, Map<String, String> finalFlow, List<Output> outputs) {
    private static final Pattern BRIDGE = Pattern.compile("^bridge\\(\"([^\"]+)\"\\)");
    private static final Pattern STEP = Pattern.compile("^\\s*(\\d+)\\. (?:(.*), )?priority (\\d+)");
    private static final Pattern TUNNEL = Pattern.compile("ipv4\\(src=[0-9.]+,dst=([0-9.]+)[^)]*\\).*?vxlan\\([^)]*vni=0x([0-9a-f]+)\\)");

    /** One matched flow: its stage, priority and match as the trace prints them, and the actions it ran. */
    public record Step(Stage stage, int priority, String match, List<String> actions) {
        public boolean drops() {
            return actions.isEmpty() || actions.contains("drop");
        }

        /** "br-tun UCAST_TO_TUN priority=2 dl_vlan=908,dl_dst=…", as golden flows and dumps spell a flow. */
        public String brief() {
            return stage.bridge().deviceName() + " " + stage.name() + " priority=" + priority
                    + (match.isEmpty() ? "" : " " + match);
        }
    }

    /** Where the datapath sends the packet. */
    public sealed interface Output {
    }

    /** Out of a datapath port (its number in {@code dpif/show}'s "ofport/odp port"). */
    public record DatapathPort(int number) implements Output {
    }

    /** Into a VXLAN tunnel to {@code remoteVtep} with {@code vni}. */
    public record Tunnel(Ipv4Address remoteVtep, int vni) implements Output {
    }

    public OfprotoTrace {
        steps = List.copyOf(steps);
        finalFlow = Map.copyOf(finalFlow);
        outputs = List.copyOf(outputs);
    }

    /** The last flow that dropped the packet, if one did. */
    public Optional<Step> dropping() {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).drops()) {
                return Optional.of(steps.get(i));
            }
        }
        return Optional.empty();
    }

    /** The last flow of the trace on {@code bridge}: the one that decided where the packet went. */
    public Optional<Step> lastOn(OvsBridge bridge) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).stage().bridge() == bridge) {
                return Optional.of(steps.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * Reads a trace. Flooding nests the trace of each output under the flow that sent it, one
     * indentation level deeper ({@code bridge("br-phy")} under a br-tun flow), so a flow belongs
     * to the innermost bridge heading above it that is indented less, and an action line to the
     * innermost flow above it that is indented less.
     */
    public static OfprotoTrace parse(String text) {
        record Heading(int indent, OvsBridge bridge) {
        }
        record Open(int indent, Stage stage, int priority, String match, List<String> actions) {
        }
        ArrayDeque<Heading> headings = new ArrayDeque<>();
        List<Open> open = new ArrayList<>();
        Map<String, String> finalFlow = Map.of();
        List<Output> outputs = new ArrayList<>();
        for (String line : text.lines().toList()) {
            int indent = line.length() - line.stripLeading().length();
            String body = line.strip();
            Matcher b = BRIDGE.matcher(body);
            Matcher s = STEP.matcher(line);
            if (body.isEmpty() || body.startsWith("-")) {
                continue;
            }
            if (b.find()) {
                while (!headings.isEmpty() && headings.peek().indent() >= indent) {
                    headings.pop();
                }
                headings.push(new Heading(indent, switch (b.group(1)) {
                    case "br-int" -> OvsBridge.INT;
                    case "br-tun" -> OvsBridge.TUN;
                    default -> null;
                }));
            } else if (s.find()) {
                while (headings.size() > 1 && headings.peek().indent() > indent) {
                    headings.pop();
                }
                OvsBridge bridge = headings.isEmpty() ? null : headings.peek().bridge();
                // Flows of bridges that are not ours (br-phy) hold their actions, then are left out.
                Stage stage = bridge == null ? null : Stage.of(bridge, Integer.parseInt(s.group(1)));
                open.add(new Open(indent, stage, Integer.parseInt(s.group(3)), s.group(2) == null ? "" : s.group(2),
                        new ArrayList<>()));
            } else if (line.startsWith("Final flow:")) {
                finalFlow = fields(line.substring("Final flow:".length()).strip());
            } else if (line.startsWith("Datapath actions:")) {
                outputs.addAll(outputs(line.substring("Datapath actions:".length()).strip()));
            } else if (indent > 0) {
                for (int k = open.size() - 1; k >= 0; k--) {
                    if (open.get(k).indent() < indent) {
                        open.get(k).actions().add(body);
                        break;
                    }
                }
            }
        }
        List<Step> steps = open.stream().filter(o -> o.stage() != null)
                .map(o -> new Step(o.stage(), o.priority(), o.match(), o.actions())).toList();
        return new OfprotoTrace(steps, finalFlow, outputs);
    }

    /** "icmp,in_port=3,dl_src=…" → {dl_src=…, …}; "unchanged" → {}. */
    static Map<String, String> fields(String flow) {
        Map<String, String> fields = new HashMap<>();
        for (String part : flow.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                fields.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return fields;
    }

    /**
     * The datapath actions' outputs: plain numbers at the top level are ports; every
     * {@code tnl_push(…vxlan(…vni=…)…)}, also inside {@code clone(…)}, is a tunnel.
     */
    static List<Output> outputs(String actions) {
        List<Output> outputs = new ArrayList<>();
        if (actions.equals("drop")) {
            return outputs;
        }
        int depth = 0;
        boolean afterTunnelPush = false;
        StringBuilder token = new StringBuilder();
        for (char c : (actions + ",").toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                String t = token.toString().strip();
                // The port right after a tnl_push carries the encapsulated packet to the underlay.
                if (t.matches("\\d+") && !afterTunnelPush) {
                    outputs.add(new DatapathPort(Integer.parseInt(t)));
                }
                afterTunnelPush = t.startsWith("tnl_push(");
                token.setLength(0);
            } else {
                token.append(c);
            }
        }
        Matcher tunnel = TUNNEL.matcher(actions);
        while (tunnel.find()) {
            outputs.add(new Tunnel(Ipv4Address.parse(tunnel.group(1)), Integer.parseInt(tunnel.group(2), 16)));
        }
        return outputs;
    }
}
