package org.netweave.controller.runtime;

import org.netweave.model.InvalidValueException;

/**
 * Checks shared by the records of this package. They throw {@link InvalidValueException} rather
 * than {@code NullPointerException} so the gRPC glue can answer every bad request the same way:
 * refused as invalid, with the field named.
 */
final class Fields {
    static final int MAX_NAME_LENGTH = 256;

    private Fields() {
    }

    static <T> T present(String field, T value) {
        if (value == null) {
            throw new InvalidValueException(field, null, "is missing");
        }
        return value;
    }

    /**
     * A display name (logical switch, DLR): free text, but one line of printable characters,
     * because the CLI views print it in a column and a newline or tab would break their alignment.
     */
    static String name(String field, String value) {
        present(field, value);
        if (value.length() > MAX_NAME_LENGTH) {
            throw new InvalidValueException(field, value, "is longer than " + MAX_NAME_LENGTH + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException(field, value, "contains a control character (names are printed in CLI columns)");
        }
        return value;
    }
}
