package org.netweave.model;

import java.util.regex.Pattern;

/** The one rule every textual id follows, so ids are safe in URLs, logs, file names and CLI output. */
final class Ids {
    static final int MAX_LENGTH = 128;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:+-]*");

    private Ids() {
    }

    static String require(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidValueException(field, value, "is missing");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValueException(field, value, "is longer than " + MAX_LENGTH + " characters");
        }
        if (!ALLOWED.matcher(value).matches()) {
            throw new InvalidValueException(field, value,
                    "may hold only letters, digits and . _ : + - and must start with a letter or digit");
        }
        return value;
    }
}
