package org.netweave.dataplane;

/**
 * Receives observations of traced packets. Called on the reporting host's forwarding thread;
 * implementations must be quick and must not block.
 */
@FunctionalInterface
public interface ObservationSink {
    ObservationSink NONE = observation -> { };

    void observe(Observation observation);

    /** A traced packet left in a tunnel that cannot carry the trace: the receiving host must trace it on. */
    default void continueAt(TraceContinuation continuation) {
    }
}
