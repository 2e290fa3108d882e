package org.netweave.manager.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.netweave.manager.store.Database;

/**
 * The two stores the manager supports, for tests: H2 in a file and PostgreSQL. The PostgreSQL
 * server is Debian's, started by {@code scripts/start-test-postgres} with a role {@code netweave};
 * each call creates a fresh database and {@link Fresh#close()} drops it. Set
 * {@code NETWEAVE_TEST_PG_URL} (a JDBC URL without a database name) to use another server.
 */
public final class TestDatabases {
    private static final String PG_URL = System.getenv().getOrDefault("NETWEAVE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String PG_USER = "netweave";
    private static final String PG_PASSWORD = "netweave";

    public enum Kind { H2, POSTGRESQL }

    /** A database made for one test, dropped (PostgreSQL) or left in the temp dir (H2) on close. */
    public record Fresh(Database database, Runnable drop) implements AutoCloseable {
        @Override
        public void close() {
            database.close();
            drop.run();
        }
    }

    private TestDatabases() {
    }

    public static Fresh create(Kind kind, Path tempDir) {
        return switch (kind) {
            case H2 -> new Fresh(Database.h2File(tempDir), () -> { });
            case POSTGRESQL -> postgres();
        };
    }

    /** A URL and credentials for a fresh PostgreSQL database, for tests that open it themselves (a restart). */
    public record PgDatabase(String url, String user, String password, Runnable drop) {
    }

    public static PgDatabase createPostgresDatabase() {
        String name = "netweave_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(PG_URL + "postgres", PG_USER, PG_PASSWORD);
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            boolean required = "1".equals(System.getenv("NETWEAVE_REQUIRE_ALL_TESTS"));
            String reason = "PostgreSQL is not reachable at " + PG_URL + " as " + PG_USER + " (" + e.getMessage()
                    + "); scripts/install-test-deps installs and starts it when run as root";
            if (required) {
                throw new IllegalStateException(reason, e);
            }
            System.out.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
        return new PgDatabase(PG_URL + name, PG_USER, PG_PASSWORD, () -> drop(name));
    }

    private static Fresh postgres() {
        PgDatabase pg = createPostgresDatabase();
        return new Fresh(Database.open(pg.url(), pg.user(), pg.password()), pg.drop());
    }

    private static void drop(String name) {
        try (Connection admin = DriverManager.getConnection(PG_URL + "postgres", PG_USER, PG_PASSWORD);
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + name, e);
        }
    }
}
