package org.netweave.manager.store;

import java.io.Closeable;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The manager's SQL database: a connection pool, the schema brought up to date by Flyway on open,
 * and JDBI on top. H2 in a file is the default; PostgreSQL is a JDBC URL away, and the same
 * migrations run on both (H2 in its PostgreSQL mode).
 */
public final class Database implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** H2's state for a statement on a database it has closed (ErrorCode.DATABASE_CALLED_AT_SHUTDOWN). */
    private static final String H2_DATABASE_CLOSED = "90121";

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    /** H2 on disk, which needs {@link #makeDurable()} to keep what it acknowledged. */
    private final boolean h2OnDisk;

    private Database(HikariDataSource dataSource, boolean h2OnDisk) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.h2OnDisk = h2OnDisk;
    }

    /**
     * The default store: an H2 database file {@code netweave.mv.db} in {@code dataDir}, made to
     * keep what it acknowledged through a SIGKILL ({@link #makeDurable()}):
     *
     * <ul>
     *   <li>{@code REUSE_SPACE=FALSE}: every write is appended, nothing written is overwritten.
     *       With space reuse, H2 opened after a kill sometimes came back at an older version,
     *       losing acknowledged writes and bringing deleted rows back (CrashSafetyTest, four runs
     *       of four on loaded cores), although each write had been checkpointed. The file grows by
     *       about 13 KB a write while the manager runs; {@link #close()} compacts it.
     *   <li>{@code WRITE_DELAY=0}: no background writer; every store write is the manager's own
     *       checkpoint, so nothing writes beside it.
     *   <li>{@code DB_CLOSE_ON_EXIT=FALSE}: on SIGTERM the manager closes the store itself, after
     *       what still writes to it; H2's own exit hook would close it first, in parallel, and the
     *       compaction in {@link #close()} would then find it gone.
     * </ul>
     */
    public static Database h2File(Path dataDir) {
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("netweave")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;REUSE_SPACE=FALSE;DB_CLOSE_ON_EXIT=FALSE";
        return open(url, "sa", "");
    }

    /** Any JDBC URL (PostgreSQL: {@code jdbc:postgresql://host:5432/netweave}); migrates before it returns. */
    public static Database open(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        config.setPoolName("netweave-store");
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            var result = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            LOG.info("store {} at schema version {} ({} migrations applied now)", redact(jdbcUrl),
                    result.targetSchemaVersion, result.migrationsExecuted);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource, jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:h2:mem:"));
    }

    /**
     * Makes every transaction committed so far durable; a write is acknowledged only after this.
     * PostgreSQL does it at commit. H2 does not: its store writes committed transactions to the
     * file in the background (every WRITE_DELAY, 500 ms by default; 0 turns those writes off and
     * leaves everything to the close), so a manager killed with SIGKILL lost writes it had
     * acknowledged — CrashSafetyTest found it. CHECKPOINT SYNC writes them and forces them to the
     * disk. The store calls it after a write's transaction, outside the writers' lock, so one
     * checkpoint covers every transaction committed before it.
     */
    public void makeDurable() {
        if (h2OnDisk) {
            jdbi.useHandle(handle -> handle.execute("CHECKPOINT SYNC"));
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** Closes the pool; H2 on disk is compacted first (into a fresh file that replaces it). */
    @Override
    public void close() {
        if (h2OnDisk) {
            try {
                compact();
            } catch (SQLException | RuntimeException e) {
                // The data is durable either way; only the file stays large until the next close.
                LOG.warn("H2 did not compact its file on close: {}", e.getMessage());
            }
        }
        dataSource.close();
    }

    /**
     * {@code SHUTDOWN COMPACT} on a connection of the pool's own (not through Jdbi, which would
     * fail closing it): H2 closes the database as part of the statement, then fails to report its
     * result and to close the connection; "already closed" is the sign that it compacted.
     */
    private void compact() throws SQLException {
        Connection connection = dataSource.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            if (!H2_DATABASE_CLOSED.equals(e.getSQLState())) {
                throw e;
            }
        } finally {
            try {
                connection.close();
            } catch (SQLException closed) {
                LOG.debug("the compacted store's connection was closed already: {}", closed.getMessage());
            }
        }
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }
}
