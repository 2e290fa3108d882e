package org.netweave.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.netweave.cli.api.Columns;

/**
 * The operator table views as text, from the manager's JSON, with the column names of the NSX-V
 * commands they mirror (reference §3). Pure functions, so a test can hold the text to the JSON.
 */
final class TableText {
    private TableText() {
    }

    /** {@code show control-cluster logical-switches vni <vni>}, worded as the controller's own CLI prints it. */
    static String vniSummary(JsonNode s) {
        String mode = s.path("replicationMode").asText("");
        return new Columns("VNI", "Controller", "BUM-Replication", "ARP-Proxy", "Connections", "VTEPs")
                .row(s.path("vni").asInt(), s.path("controllerId").asText(),
                        mode.isEmpty() || mode.equals("null") ? "-" : mode.charAt(0) + mode.substring(1).toLowerCase(),
                        s.path("arpProxy").asBoolean() ? "Enabled" : "Disabled",
                        s.path("connections").asInt(), s.path("vteps").asInt())
                .render();
    }

    /** One of a controller's VNI tables; a note (not the owner, not held yet) follows the table. */
    static String controllerVni(JsonNode t, String table) {
        int vni = t.path("vni").asInt();
        Columns columns = switch (table) {
            case "mac" -> rows(new Columns("VNI", "MAC", "VTEP-IP", "Connection-ID"), t.path("macs"),
                    r -> new Object[] {vni, r.path("mac").asText(), r.path("vtepIp").asText(), r.path("connectionId").asInt()});
            case "arp" -> rows(new Columns("VNI", "IP", "MAC", "Connection-ID"), t.path("arps"),
                    r -> new Object[] {vni, r.path("ip").asText(), r.path("mac").asText(), r.path("connectionId").asInt()});
            case "vtep" -> rows(new Columns("VNI", "IP", "Segment", "MAC", "Connection-ID"), t.path("vteps"),
                    r -> new Object[] {vni, r.path("ip").asText(), r.path("segment").asText(), r.path("mac").asText(),
                            r.path("connectionId").asInt()});
            case "connection" -> rows(new Columns("Host-IP", "Port", "ID"), t.path("connections"),
                    r -> new Object[] {r.path("hostIp").asText(), r.path("port").asInt(), r.path("id").asInt()});
            default -> throw new IllegalArgumentException(table);
        };
        String note = t.path("note").asText("");
        return columns.render() + (note.isEmpty() || t.path("note").isNull() ? "" : "Note: " + note + "\n");
    }

    /** A DLR's routes as net-vdr --route prints them, from a controller or a host. */
    static String routes(JsonNode routes) {
        return rows(new Columns("Destination", "GenMask", "Gateway", "Flags", "Origin", "Interface"), routes,
                r -> new Object[] {r.path("destination").asText(), r.path("genMask").asText(), r.path("gateway").asText(),
                        r.path("flags").asText(), r.path("origin").asText(), r.path("interfaceId").asText()}).render();
    }

    /** One of a host's VNI tables (net-vdl2 -M). */
    static String hostVni(JsonNode t, String table) {
        int vni = t.path("vni").asInt();
        Columns columns = switch (table) {
            case "mac" -> rows(new Columns("VNI", "Inner-MAC", "Location", "Where", "Learned"), t.path("macs"),
                    r -> new Object[] {vni, r.path("mac").asText(), r.path("location").asText(), r.path("where").asText(),
                            r.path("learned").asBoolean() ? "yes" : "no"});
            case "arp" -> rows(new Columns("VNI", "IP", "MAC"), t.path("arps"),
                    r -> new Object[] {vni, r.path("ip").asText(), r.path("mac").asText()});
            case "vtep" -> rows(new Columns("VNI", "IP", "Segment", "Kind"), t.path("vteps"),
                    r -> new Object[] {vni, r.path("ip").asText(), r.path("segment").isNull() ? "-"
                            : r.path("segment").asText(), r.path("kind").asText()});
            default -> throw new IllegalArgumentException(table);
        };
        return columns.render();
    }

    /** One of a host's DLR tables (net-vdr --lif, --route, --nbr). */
    static String hostDlr(JsonNode t, String table) {
        return switch (table) {
            case "route" -> routes(t.path("routes"));
            case "interface" -> rows(new Columns("Name", "Mode", "Id", "Ip(Mask)", "Vmac", "Designated"),
                    t.path("interfaces"), r -> new Object[] {r.path("name").asText(), r.path("mode").asText(),
                            "Vxlan:" + r.path("vni").asInt(), r.path("address").asText(), r.path("vmac").asText(),
                            r.path("designatedInstance").asBoolean() ? "yes" : "no"}).render();
            case "arp" -> rows(new Columns("Network", "Mac", "Flags", "Interface"), t.path("neighbours"),
                    r -> new Object[] {r.path("ip").asText(), r.path("mac").asText(), r.path("flags").asText(),
                            r.path("interfaceId").asText()}).render();
            default -> throw new IllegalArgumentException(table);
        };
    }

    private static Columns rows(Columns columns, JsonNode rows, java.util.function.Function<JsonNode, Object[]> row) {
        rows.forEach(r -> columns.row(row.apply(r)));
        return columns;
    }
}
