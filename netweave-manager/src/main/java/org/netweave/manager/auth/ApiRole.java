package org.netweave.manager.auth;

import java.util.Arrays;

import org.netweave.model.InvalidValueException;

/** The roles a token carries, as NSX names them. */
public enum ApiRole {
    /** Everything, tokens included. */
    ENTERPRISE_ADMIN("enterprise_admin"),
    /** Logical networking (logical switches, DLRs, vNIC connections, traceflow, Neutron); reads everything else. */
    NETWORK_ENGINEER("network_engineer"),
    /** Reads everything, changes nothing. */
    AUDITOR("auditor");

    private final String apiName;

    ApiRole(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    /** @throws InvalidValueException naming {@code field} for a name that is no role */
    public static ApiRole parse(String field, String name) {
        return Arrays.stream(values()).filter(r -> r.apiName.equals(name)).findFirst().orElseThrow(() ->
                new InvalidValueException(field, name, "must be one of enterprise_admin, network_engineer, auditor"));
    }
}
