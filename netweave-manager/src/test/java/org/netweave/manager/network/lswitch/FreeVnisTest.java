package org.netweave.manager.network.lswitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.netweave.manager.network.pool.VniRange;
import org.netweave.manager.network.zone.TransportZoneConfig;
import org.netweave.manager.network.zone.TransportZoneStore;
import org.netweave.manager.store.Store;
import org.netweave.manager.testing.TestDatabases;
import org.netweave.model.LogicalSwitchId;
import org.netweave.model.ReplicationMode;
import org.netweave.model.TransportZoneId;
import org.netweave.model.Vni;

/**
 * The remembered floor of a pool's free VNIs against a real database: allocations walk up from it,
 * a deletion takes it down, and neither a rolled-back write nor a deletion in the same write as a
 * search leaves it above a free VNI; a new instance (a manager restart) finds the gaps from the table.
 */
class FreeVnisTest {
    private static final TransportZoneId ZONE = TransportZoneId.of("vdnscope-1");
    private static final VniRange POOL = new VniRange(Vni.of(5000), Vni.of(5007));

    @TempDir
    Path dir;

    private static void insert(org.jdbi.v3.core.Handle handle, int vni, long generation) {
        LogicalSwitchStore.insert(handle, new LogicalSwitchConfig(LogicalSwitchId.of("virtualwire-" + vni), "ls-" + vni,
                Vni.of(vni), ZONE, ReplicationMode.UNICAST, generation));
    }

    /** What LogicalSwitchAdminService.create does: search, then insert what was found. */
    private static int create(Store store, FreeVnis free) {
        return store.write((handle, g) -> {
            int vni = free.firstFree(handle, POOL);
            if (vni <= POOL.end().value()) {
                insert(handle, vni, g);
            }
            return vni;
        }).value();
    }

    private static void delete(Store store, FreeVnis free, int vni) {
        store.write((handle, g) -> {
            free.freed(vni);
            LogicalSwitchStore.delete(handle, LogicalSwitchId.of("virtualwire-" + vni));
            return null;
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void theLowestFreeVniIsFoundFromTheFloorAndTheFloorIsNeverAboveAFreeVni(TestDatabases.Kind kind) {
        try (var fresh = TestDatabases.create(kind, dir)) {
            Store store = new Store(fresh.database());
            store.write((handle, g) -> {
                TransportZoneStore.insert(handle, new TransportZoneConfig(ZONE, "tz", ReplicationMode.UNICAST, List.of(), g));
                return null;
            });
            FreeVnis free = new FreeVnis();
            assertThat(List.of(create(store, free), create(store, free), create(store, free))).containsExactly(5000, 5001, 5002);

            // A VNI the client chose does not go through the search: the walk steps over it.
            store.write((handle, g) -> {
                insert(handle, 5003, g);
                return null;
            });
            assertThat(create(store, free)).isEqualTo(5004);

            delete(store, free, 5001);
            assertThat(create(store, free)).as("a deletion lowers the floor").isEqualTo(5001);
            assertThat(create(store, free)).isEqualTo(5005);

            assertThatThrownBy(() -> store.write((handle, g) -> {
                insert(handle, free.firstFree(handle, POOL), g);
                throw new IllegalStateException("a later check refuses the write");
            })).hasMessageContaining("refuses");
            assertThat(create(store, free)).as("a rolled-back write does not raise the floor").isEqualTo(5006);

            // A search and then a deletion below its result in one write: the raise is dropped.
            store.write((handle, g) -> {
                insert(handle, free.firstFree(handle, POOL), g);
                free.freed(5000);
                LogicalSwitchStore.delete(handle, LogicalSwitchId.of("virtualwire-5000"));
                return null;
            });
            assertThat(create(store, free)).isEqualTo(5000);
            assertThat(create(store, free)).as("the pool is full: its end + 1").isEqualTo(5008);

            delete(store, free, 5002);
            delete(store, free, 5006);
            FreeVnis restarted = new FreeVnis();
            assertThat(create(store, restarted)).as("read from the table").isEqualTo(5002);
            assertThat(create(store, restarted)).isEqualTo(5006);
            assertThat(create(store, restarted)).isEqualTo(5008);
        }
    }
}
