package org.netweave.model;

/** A compute-inventory rule that keeps its VMs on different hosts (DRS anti-affinity). */
public record AntiAffinityRuleId(String value) implements Comparable<AntiAffinityRuleId> {
    public AntiAffinityRuleId {
        Ids.require("antiAffinityRuleId", value);
    }

    public static AntiAffinityRuleId of(String value) {
        return new AntiAffinityRuleId(value);
    }

    @Override
    public int compareTo(AntiAffinityRuleId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
