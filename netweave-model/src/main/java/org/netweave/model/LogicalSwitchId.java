package org.netweave.model;

/** A logical switch as the manager names it (NSX virtualwire-N); its VNI is a separate value. */
public record LogicalSwitchId(String value) implements Comparable<LogicalSwitchId> {
    public LogicalSwitchId {
        Ids.require("logicalSwitchId", value);
    }

    public static LogicalSwitchId of(String value) {
        return new LogicalSwitchId(value);
    }

    @Override
    public int compareTo(LogicalSwitchId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
