package org.netweave.manager.neutron;

import java.util.Map;

/**
 * A request the Neutron API refuses, with Neutron's status and exception name ({@code type}), so
 * that clients written for Neutron (openstacksdk reads {@code message}; tempest checks the status)
 * understand it. Thrown before anything is written, or inside the one write that then rolls back.
 */
public final class NeutronException extends RuntimeException {
    private final int status;
    private final String type;

    public NeutronException(int status, String type, String message) {
        super(message);
        this.status = status;
        this.type = type;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    /** The body: {@code {"NeutronError": {"type", "message", "detail"}}}. */
    public Map<String, Object> body() {
        return Map.of("NeutronError", Map.of("type", type, "message", getMessage(), "detail", ""));
    }

    public static NeutronException notFound(String kind, String id) {
        return new NeutronException(404, kind + "NotFound", kind + " " + id + " could not be found.");
    }

    /** Neutron's InvalidInput: a 400 whose message names the attribute. */
    public static NeutronException invalid(String attribute, String why) {
        return new NeutronException(400, "InvalidInput", "Invalid input for " + attribute + ". Reason: " + why + ".");
    }

    public static NeutronException badRequest(String resource, String why) {
        return new NeutronException(400, "BadRequest", "Bad " + resource + " request: " + why + ".");
    }

    public static NeutronException conflict(String type, String message) {
        return new NeutronException(409, type, message);
    }
}
