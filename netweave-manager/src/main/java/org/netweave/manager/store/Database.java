package org.netweave.manager.store;

import java.io.Closeable;
import java.nio.file.Path;

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

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
    }

    /**
     * The default store: an H2 database file {@code netweave.mv.db} in {@code dataDir}. H2 writes
     * commits to the file half a second later by default, so a killed manager would lose writes it
     * had acknowledged; WRITE_DELAY=0 writes each commit before it returns.
     */
    public static Database h2File(Path dataDir) {
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("netweave")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
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
        return new Database(dataSource);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }
}
