package org.netweave.manager.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.netweave.manager.testing.TestDatabases;

class StoreTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void everyWriteGetsTheNextGenerationAndTellsTheListeners(TestDatabases.Kind kind) {
        try (var fresh = TestDatabases.create(kind, dir)) {
            Store store = new Store(fresh.database());
            List<Long> heard = new ArrayList<>();
            store.addCommitListener(heard::add);
            long before = store.generation();
            var first = store.write((handle, generation) -> Store.nextId(handle, "virtualwire", "-"));
            var second = store.write((handle, generation) -> Store.nextId(handle, "virtualwire", "-"));
            assertThat(first.generation()).isEqualTo(before + 1);
            assertThat(second.generation()).isEqualTo(before + 2);
            assertThat(first.value()).isEqualTo("virtualwire-1");
            assertThat(second.value()).isEqualTo("virtualwire-2");
            assertThat(heard).containsExactly(before + 1, before + 2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aFailedWriteLeavesNothingBehindAndKeepsItsNumbers(TestDatabases.Kind kind) {
        try (var fresh = TestDatabases.create(kind, dir)) {
            Store store = new Store(fresh.database());
            long before = store.generation();
            assertThatThrownBy(() -> store.write((handle, generation) -> {
                handle.createUpdate("INSERT INTO datacenter (id, name, generation) VALUES ('datacenter-1', 'dc', :g)")
                        .bind("g", generation).execute();
                Store.nextId(handle, "datacenter");
                throw new IllegalStateException("a check failed half-way");
            })).hasMessageContaining("half-way");
            assertThat(store.generation()).isEqualTo(before);
            int datacenters = store.read(handle -> handle.createQuery("SELECT count(*) FROM datacenter").mapTo(Integer.class).one());
            assertThat(datacenters).isZero();
            long next = store.write((handle, generation) -> Store.nextId(handle, "datacenter")).value();
            assertThat(next).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void theSchemaRefusesASecondDlrOnOneLogicalSwitch(TestDatabases.Kind kind) {
        try (var fresh = TestDatabases.create(kind, dir)) {
            Store store = new Store(fresh.database());
            store.write((handle, g) -> {
                handle.execute("INSERT INTO transport_zone VALUES ('vdnscope-1', 'tz', 'UNICAST', ?)", g);
                handle.execute("INSERT INTO logical_switch VALUES ('virtualwire-1', 'web', 5000, 'vdnscope-1', 'UNICAST', ?)", g);
                for (String dlr : List.of("edge-1", "edge-2")) {
                    handle.execute("INSERT INTO dlr VALUES (?, ?, 'default', FALSE, NULL, 'vdnscope-1', 'DEPLOYED', FALSE, FALSE, NULL, ?)",
                            dlr, dlr, g);
                }
                handle.execute("INSERT INTO lif VALUES ('edge-1', 10, 'web', 'INTERNAL', 'virtualwire-1', NULL, '10.0.1.1', 24, "
                        + "'02:50:56:00:00:01', 1500, ?)", g);
                return null;
            });
            assertThatThrownBy(() -> store.write((handle, g) -> handle.execute(
                    "INSERT INTO lif VALUES ('edge-2', 10, 'web', 'INTERNAL', 'virtualwire-1', NULL, '10.0.9.1', 24, "
                            + "'02:50:56:00:00:02', 1500, ?)", g)))
                    .hasMessageContaining("lif");
        }
    }
}
