package org.netweave.bench.scale;

import java.util.List;
import java.util.Locale;

/**
 * What a run measured: per kind of change the time from the API write's answer until every
 * affected host held the change, and how long the write itself took; the time the hosts took to
 * sync the whole topology at start; the heap the hosts added, per host; and per kind the changes
 * that did not reach every affected host within the wait (lost).
 */
record ScaleReport(ScaleSettings settings, double setupSeconds, double syncSeconds, long heapPerHostBytes,
                   List<Latencies> realised, List<Latencies> writes, List<Integer> lost) {

    Latencies realised(String kind) {
        return realised.stream().filter(latencies -> latencies.kind().equals(kind)).findFirst().orElseThrow();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        text.append(settings).append('\n');
        text.append(String.format(Locale.ROOT, "setup through the API %.1f s; %d hosts synced from start in %.1f s; heap per host %.1f KiB%n",
                setupSeconds, settings.hosts(), syncSeconds, heapPerHostBytes / 1024.0));
        text.append(String.format(Locale.ROOT, "%-12s %10s %10s %10s %14s %6s%n", "change", "p50 ms", "p99 ms", "max ms", "write p50 ms", "lost"));
        for (int i = 0; i < realised.size(); i++) {
            Latencies r = realised.get(i);
            text.append(String.format(Locale.ROOT, "%-12s %10.1f %10.1f %10.1f %14.1f %6d%n", r.kind(), r.percentile(50),
                    r.percentile(99), r.max(), writes.get(i).percentile(50), lost.get(i)));
        }
        return text.toString();
    }
}
