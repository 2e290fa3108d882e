package org.netweave.manager.neutron;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One manager for a test class ({@code @RegisterExtension static NeutronManager net = ...}): started
 * in a fresh directory before the first test, closed and its directory removed after the last.
 */
final class NeutronManager implements BeforeAllCallback, AfterAllCallback {
    private final Function<Path, NeutronFixture> start;
    private Path dir;
    private NeutronFixture fixture;

    private NeutronManager(Function<Path, NeutronFixture> start) {
        this.start = start;
    }

    /** A manager with one transport zone and a segment pool. */
    static NeutronManager withZone() {
        return new NeutronManager(dir -> {
            try {
                return NeutronFixture.withZone(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    NeutronFixture get() {
        return fixture;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("neutron-" + context.getRequiredTestClass().getSimpleName());
        fixture = start.apply(dir);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (fixture != null) {
            fixture.close();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
