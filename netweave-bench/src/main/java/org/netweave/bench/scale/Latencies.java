package org.netweave.bench.scale;

import java.util.ArrayList;
import java.util.List;

/** Timed samples of one kind of change, in milliseconds, with their nearest-rank percentiles. */
record Latencies(String kind, List<Double> millis) {
    Latencies {
        if (millis.isEmpty()) {
            throw new IllegalArgumentException(kind + ": no samples");
        }
        List<Double> sorted = new ArrayList<>(millis);
        sorted.sort(null);
        millis = List.copyOf(sorted);
    }

    /** The nearest-rank percentile: the smallest sample with at least {@code p}% of the samples at or below it. */
    double percentile(double p) {
        int rank = (int) Math.ceil(p / 100 * millis.size());
        return millis.get(Math.max(rank, 1) - 1);
    }

    double max() {
        return millis.getLast();
    }
}
