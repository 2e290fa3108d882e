package org.netweave.bench.scale;

import java.io.PrintStream;

/**
 * Where a scale run is, on stderr with the seconds since it started: building an L topology
 * takes minutes, and stdout is kept for the figures.
 */
final class ScaleProgress {
    private final PrintStream out;
    private final long started = System.nanoTime();

    ScaleProgress(PrintStream out) {
        this.out = out;
    }

    static ScaleProgress toStderr() {
        return new ScaleProgress(System.err);
    }

    void tell(String what) {
        out.printf("[%7.1f s] %s%n", (System.nanoTime() - started) / 1e9, what);
        out.flush();
    }

    /** Every {@code every}-th of {@code total} steps, and the last. */
    void step(String what, int done, int total, int every) {
        if (done == total || done % every == 0) {
            tell(what + " " + done + "/" + total);
        }
    }
}
