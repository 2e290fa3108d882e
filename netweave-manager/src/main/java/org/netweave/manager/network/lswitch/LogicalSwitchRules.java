package org.netweave.manager.network.lswitch;

import java.util.ArrayList;
import java.util.List;

import org.netweave.manager.api.ApiException;
import org.netweave.manager.network.Fields;
import org.netweave.model.LogicalSwitchId;

/** What a logical switch must satisfy beyond its VNI ({@link VniAllocator}). Pure. */
public final class LogicalSwitchRules {
    private LogicalSwitchRules() {
    }

    /** A switch goes only when no vNIC, LIF or bridge uses it; the message names each user. */
    public static void checkDeletable(LogicalSwitchId id, LogicalSwitchUsage usage) {
        if (usage.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        if (!usage.vnics().isEmpty()) {
            parts.add("attached vNICs " + Fields.some(usage.vnics()));
        }
        if (!usage.lifs().isEmpty()) {
            parts.add(Fields.some(usage.lifs()));
        }
        if (!usage.bridges().isEmpty()) {
            parts.add(Fields.some(usage.bridges()));
        }
        throw ApiException.inUse(null, "logical switch " + id + " is in use by " + String.join("; ", parts));
    }
}
