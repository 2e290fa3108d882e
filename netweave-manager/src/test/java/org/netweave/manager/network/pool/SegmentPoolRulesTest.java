package org.netweave.manager.network.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netweave.manager.network.Refusals.assertRefused;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.SegmentPoolId;
import org.netweave.model.Vni;

class SegmentPoolRulesTest {
    private static SegmentPoolConfig pool(String id, int begin, int end) {
        return new SegmentPoolConfig(SegmentPoolId.of(id), id, new VniRange(Vni.of(begin), Vni.of(end)), 1);
    }

    @Test
    void aRangeLiesIn5000To16777215AndBeginsBeforeItEnds() {
        assertThat(SegmentPoolRules.range(5000, 16_777_215).toString()).isEqualTo("5000-16777215");
        assertThat(SegmentPoolRules.range(7000, 7000).toString()).isEqualTo("7000-7000");
        assertRefused(() -> SegmentPoolRules.range(4999, 6000), 400, "invalid_value", "begin");
        assertRefused(() -> SegmentPoolRules.range(5000, 16_777_216), 400, "invalid_value", "end");
        assertRefused(() -> SegmentPoolRules.range(6000, 5999), 400, "invalid_value", "end");
        assertRefused(() -> SegmentPoolRules.range(null, 5999), 400, "missing_field", "begin");
        assertRefused(() -> SegmentPoolRules.range(5000, null), 400, "missing_field", "end");
    }

    @Test
    void poolsNeverOverlapAndTheConflictNamesBegin() {
        var existing = List.of(pool("segmentpool-1", 5000, 5999), pool("segmentpool-2", 8000, 8999));
        SegmentPoolRules.checkNoOverlap(SegmentPoolRules.range(6000, 7999), existing);
        var e = assertRefused(() -> SegmentPoolRules.checkNoOverlap(SegmentPoolRules.range(5999, 6100), existing),
                409, "conflict", "begin");
        assertThat(e.getMessage()).contains("segmentpool-1");
        assertRefused(() -> SegmentPoolRules.checkNoOverlap(SegmentPoolRules.range(7000, 10000), existing),
                409, "conflict", "begin");
    }

    @Test
    void aPoolWhoseVnisAreHeldStays() {
        SegmentPoolRules.checkDeletable(pool("segmentpool-1", 5000, 5999), List.of());
        var e = assertRefused(() -> SegmentPoolRules.checkDeletable(pool("segmentpool-1", 5000, 5999),
                List.of(LogicalSwitchId.of("virtualwire-4"))), 409, "in_use", null);
        assertThat(e.getMessage()).contains("virtualwire-4");
    }
}
