package org.netweave.manager.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An acknowledged write survives SIGKILL of the process that made it, and nothing older comes
 * back: a writer in a process of its own, each of whose writes deletes the row the last one
 * inserted and inserts its own, is killed after a random number of acknowledged writes, right
 * after it opened the store as well as later. Opened again, the store holds every generation it
 * acknowledged and exactly the newest write's row.
 */
class StoreDurabilityTest {
    private static final Logger LOG = LoggerFactory.getLogger(StoreDurabilityTest.class);
    private static final int ROUNDS = 8;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteSurvivesSigkillAndNothingOlderComesBack() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        long acknowledged = 0;
        for (int round = 0; round < ROUNDS; round++) {
            // Early kills too: a store just opened is where the manager lost writes.
            int writes = round % 2 == 0 ? 1 + random.nextInt(5) : 20 + random.nextInt(200);
            Process writer = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), StoreWriterProcess.class.getName(), dir.toString()))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            long opened = -1;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
                int seen = 0;
                String line;
                while (seen < writes && (line = out.readLine()) != null) {
                    if (line.startsWith("OPEN ")) {
                        String[] fields = line.split(" ", -1);
                        opened = Long.parseLong(fields[1]);
                        assertThat(opened).as("round %d (seed %d): the store opened with every acknowledged write", round,
                                seed).isGreaterThanOrEqualTo(acknowledged);
                        assertThat(fields[2]).as("round %d (seed %d): the rows at generation %d", round, seed, opened)
                                .isEqualTo(round == 0 ? "" : "durability-" + opened);
                    } else if (line.startsWith("ACK ")) {
                        acknowledged = Long.parseLong(line.substring(4));
                        seen++;
                    }
                }
            } finally {
                writer.destroyForcibly();
                writer.waitFor();
            }
            LOG.info("round {}: opened at generation {}, killed after acknowledging {}", round, opened, acknowledged);
        }
    }
}
