package org.netweave.model;

/** A manager job (a multi-step workflow such as a DLR deployment). */
public record JobId(String value) implements Comparable<JobId> {
    public JobId {
        Ids.require("jobId", value);
    }

    public static JobId of(String value) {
        return new JobId(value);
    }

    @Override
    public int compareTo(JobId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
