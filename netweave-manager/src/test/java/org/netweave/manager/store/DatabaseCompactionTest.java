package org.netweave.manager.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The H2 file only grows while the manager runs (no space reuse, a checkpoint per write); closing
 * the store compacts it, and says nothing when that worked.
 */
class DatabaseCompactionTest {

    @Test
    void closingCompactsTheFileThatEveryDurableWriteGrew(@TempDir Path dir) throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(Database.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        try {
            Database database = Database.h2File(dir);
            database.jdbi().useHandle(handle -> handle.execute("create table scratch (id int primary key, v varchar(200))"));
            for (int i = 0; i < 300; i++) {
                int row = i % 10;
                String value = "v".repeat(100) + i;
                database.jdbi().useHandle(handle -> handle.execute("merge into scratch values (?, ?)", row, value));
                database.makeDurable();
            }
            long grown = Files.size(dir.resolve("netweave.mv.db"));
            database.close();
            long compacted = Files.size(dir.resolve("netweave.mv.db"));

            assertThat(compacted).as("compacted from %d bytes", grown).isLessThan(grown / 4);
            assertThat(events.list).extracting(ILoggingEvent::getFormattedMessage)
                    .noneMatch(message -> message.contains("did not compact"));
            try (Database again = Database.h2File(dir)) {
                int rows = again.jdbi().withHandle(handle -> handle.createQuery("select count(*) from scratch")
                        .mapTo(Integer.class).one());
                assertThat(rows).as("the rows survive the compaction").isEqualTo(10);
            }
        } finally {
            logger.detachAppender(events);
        }
    }
}
