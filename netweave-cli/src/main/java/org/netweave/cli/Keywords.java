package org.netweave.cli;

import java.util.List;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The fixed words of NSX's command grammar ({@code … vni <vni> mac}): picocli takes them as
 * positional parameters, and these checks refuse a misspelt one with usage help (exit 2).
 */
final class Keywords {
    private Keywords() {
    }

    static void expect(CommandSpec spec, String expected, String actual) {
        if (!expected.equals(actual)) {
            throw new ParameterException(spec.commandLine(), "expected '" + expected + "', not '" + actual + "'");
        }
    }

    static String oneOf(CommandSpec spec, List<String> allowed, String actual) {
        if (!allowed.contains(actual)) {
            throw new ParameterException(spec.commandLine(), "expected one of " + String.join("|", allowed)
                    + ", not '" + actual + "'");
        }
        return actual;
    }
}
