package org.netweave.hostagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.netweave.hostagent.DatapathFixtures.VTEP_A;
import static org.netweave.hostagent.DatapathFixtures.hostA;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.netweave.dataplane.Datapath;
import org.netweave.dataplane.DatapathChange;
import org.netweave.dataplane.DatapathCounters;
import org.netweave.dataplane.DatapathTables;
import org.netweave.dataplane.HostDatapathConfig;
import org.netweave.model.HostId;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.MacAddress;

/**
 * The reconciler without a controller session: what it hands the datapath on the first call, on
 * an unchanged configuration, on a resync and when the datapath refuses.
 */
class DatapathReconcilerTest {
    private final RecordingDatapath datapath = new RecordingDatapath(Ipv4Address.of(VTEP_A));
    private final DatapathReconciler reconciler = new DatapathReconciler(datapath);
    private final HostDesiredState config = HostDesiredState.from(hostA().build());

    @Test
    void withoutASessionTheLocalPortIsInstalledAndTheControlPlaneIsOutOfSync() {
        boolean inSync = reconciler.realize(config, Optional.empty(), true);

        assertThat(inSync).isFalse();
        assertThat(datapath.batches).hasSize(1);
        assertThat(reconciler.installed().lines()).contains("port id=vm1.000 vni=5000 mac=00:50:56:00:01:0a");
    }

    @Test
    void anUnchangedConfigurationAppliesNothingAndAResyncPutsEverythingAgain() {
        reconciler.realize(config, Optional.empty(), true);
        List<DatapathChange> first = datapath.batches.getFirst();

        reconciler.realize(config, Optional.empty(), false);
        assertThat(datapath.batches).as("nothing changed, nothing sent").hasSize(1);

        reconciler.realize(config, Optional.empty(), true);
        assertThat(datapath.batches).hasSize(2);
        assertThat(datapath.batches.get(1)).isEqualTo(first);
    }

    @Test
    void aRefusedBatchLeavesTheInstalledTablesAsTheyWere() {
        datapath.refuse = true;

        assertThatThrownBy(() -> reconciler.realize(config, Optional.empty(), true)).isInstanceOf(InvalidValueException.class);
        assertThat(reconciler.installed()).isEqualTo(DatapathDesired.EMPTY);

        datapath.refuse = false;
        reconciler.realize(config, Optional.empty(), true);
        assertThat(reconciler.installed().ports()).hasSize(1);
    }

    @Test
    void aConfigurationNamingAnotherVtepThanTheDatapathsIsRefused() {
        HostDesiredState elsewhere = HostDesiredState.from(hostA().setVtepIp(VTEP_A + 1).build());

        assertThatThrownBy(() -> reconciler.realize(elsewhere, Optional.empty(), true))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("vtepIp");
        assertThat(datapath.batches).isEmpty();
    }

    /** Keeps every batch it is given; refuses them all while {@code refuse} is set. */
    private static final class RecordingDatapath implements Datapath {
        final List<List<DatapathChange>> batches = new ArrayList<>();
        final HostDatapathConfig config;
        boolean refuse;

        RecordingDatapath(Ipv4Address vtep) {
            config = new HostDatapathConfig(HostId.of("host-a"), vtep, new Ipv4Prefix(vtep, 32),
                    MacAddress.parse("02:00:7f:00:01:0b"), MacAddress.parse("02:50:56:00:01:01"),
                    HostDatapathConfig.DEFAULT_VXLAN_PORT);
        }

        @Override
        public HostDatapathConfig config() {
            return config;
        }

        @Override
        public void apply(List<? extends DatapathChange> changes) {
            if (refuse) {
                throw new InvalidValueException("vni", 5000, "is refused by the test");
            }
            batches.add(List.copyOf(changes));
        }

        @Override
        public DatapathCounters counters() {
            throw new UnsupportedOperationException();
        }

        @Override
        public DatapathTables tables() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }
}
