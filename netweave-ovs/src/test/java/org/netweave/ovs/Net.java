package org.netweave.ovs;

import java.util.ArrayList;
import java.util.List;

/** iproute2 helpers for the lab tests, and the skip-with-a-reason rule of the project's namespace tests. */
final class Net {
    private Net() {
    }

    static Exec.Result run(String... command) {
        return Exec.run(List.of(command));
    }

    static String must(String... command) {
        return Exec.run(List.of(command)).orThrow().output();
    }

    static String[] inNetns(String netns, String... command) {
        List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", netns));
        all.addAll(List.of(command));
        return all.toArray(String[]::new);
    }

    /**
     * Skips the calling test with a printed reason if {@code why} is not null, unless
     * NETWEAVE_REQUIRE_ALL_TESTS=1 (CI), where a missing capability fails the test instead.
     */
    static void requireOrSkip(String test, String why) {
        if (why == null) {
            return;
        }
        if ("1".equals(System.getenv("NETWEAVE_REQUIRE_ALL_TESTS"))) {
            throw new IllegalStateException(test + " must run here but cannot: " + why);
        }
        System.out.println("SKIPPED " + test + ": " + why);
        org.junit.jupiter.api.Assumptions.abort(why);
    }

    /** Why the real-OVS lab cannot run here, or null. */
    static String whyLabUnavailable() {
        return NamespaceLab.whyUnavailable();
    }
}
