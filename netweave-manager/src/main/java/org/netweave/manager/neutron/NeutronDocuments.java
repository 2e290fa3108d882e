package org.netweave.manager.neutron;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The discovery documents: the versions document at {@code /} (keystoneauth's version discovery
 * needs it, with an absolute self link, before a client sends anything else), the resources
 * document at {@code /v2.0/}, and the extensions. Only what this API implements is advertised,
 * because clients and tempest decide what to call from this list. Pure.
 */
final class NeutronDocuments {
    /** alias, name, description. */
    private record Extension(String alias, String name, String description) {
        Map<String, Object> view() {
            return Map.of("alias", alias, "name", name, "description", description,
                    "updated", "2026-11-21T00:00:00-00:00", "links", List.of());
        }
    }

    private static final List<Extension> EXTENSIONS = List.of(
            new Extension("router", "Neutron L3 Router", "Routers between networks (each a distributed logical"
                    + " router); no external gateways and no floating IPs."),
            new Extension("dvr", "Distributed Virtual Router", "The distributed attribute of routers."),
            new Extension("extraroute", "Neutron Extra Route", "Static routes of a router (one nexthop per destination)."),
            new Extension("router-admin-state-down-before-update", "Enforce Router's Admin State Down Before Update",
                    "distributed changes only on a router whose admin_state_up is false."),
            new Extension("binding", "Port Binding", "binding:host_id of ports (vif_type, vif_details, vnic_type and"
                    + " profile are not kept)."));

    private static final List<String> COLLECTIONS = List.of("networks", "subnets", "ports", "routers");

    private NeutronDocuments() {
    }

    /** @param root the server's own address as the client reached it, e.g. {@code http://127.0.0.1:9696} */
    static Map<String, Object> versions(String root) {
        return Map.of("versions", List.of(Map.of("id", "v2.0", "status", "CURRENT",
                "links", List.of(Map.of("rel", "self", "href", root + "/v2.0/")))));
    }

    static Map<String, Object> resources(String root) {
        return Map.of("resources", COLLECTIONS.stream().map(collection -> Map.of(
                "name", collection.substring(0, collection.length() - 1), "collection", collection,
                "links", List.of(Map.of("rel", "self", "href", root + "/v2.0/" + collection)))).toList());
    }

    static Map<String, Object> extensions() {
        return Map.of("extensions", EXTENSIONS.stream().map(Extension::view).toList());
    }

    static Optional<Map<String, Object>> extension(String alias) {
        return EXTENSIONS.stream().filter(extension -> extension.alias().equals(alias)).findFirst()
                .map(extension -> Map.of("extension", extension.view()));
    }
}
