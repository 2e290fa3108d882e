package org.netweave.manager.testing;

import java.nio.file.Path;
import java.util.List;

/** The command that runs a main class of this JVM's classpath in a process of its own. */
final class JavaProcess {
    private JavaProcess() {
    }

    static List<String> command(Class<?> main) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Small, quick to start: these processes are killed and started again many times
                // a test, several at once on two cores.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"),
                "-Djava.util.logging.config.file=" + System.getProperty("java.util.logging.config.file", ""),
                main.getName());
    }
}
