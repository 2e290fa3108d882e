package org.netweave.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The harness at a tiny size: the lab builds through the API, every host syncs, and each timed
 * change reaches its hosts (the harness fails a change that does not arrive). Correctness only;
 * the figures come from runs of the main class.
 */
class ScaleBenchmarkTest {
    @Test
    void everyTimedChangeReachesItsHostsInATinyLab() throws Exception {
        ScaleReport report = ScaleBenchmark.run(new ScaleSettings(4, 4, 2, 1, 1, 2));

        assertThat(report.realised()).extracting(Latencies::kind).containsExactly("vnic-attach", "lif-add", "route-add");
        assertThat(report.lost()).containsOnly(0);
        assertThat(report.realised()).allSatisfy(latencies -> assertThat(latencies.millis()).hasSize(2));
        assertThat(report.toString()).contains("4 hosts in 1 pods");
    }

    @Test
    void percentilesAreNearestRank() {
        Latencies latencies = new Latencies("x", java.util.List.of(5.0, 1.0, 4.0, 2.0, 3.0));

        assertThat(latencies.percentile(50)).isEqualTo(3.0);
        assertThat(latencies.percentile(99)).isEqualTo(5.0);
        assertThat(latencies.max()).isEqualTo(5.0);
    }
}
