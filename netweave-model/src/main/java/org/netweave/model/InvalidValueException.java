package org.netweave.model;

/**
 * A value was rejected by validation. The message always names the field and the bad value, so
 * an API layer can turn it into a 4xx body that tells the user exactly what to fix.
 */
public final class InvalidValueException extends IllegalArgumentException {
    private final String field;
    private final String value;

    public InvalidValueException(String field, Object value, String reason) {
        super(field + ": " + quote(value) + " " + reason);
        this.field = field;
        this.value = String.valueOf(value);
    }

    /** The name of the rejected field, as the user wrote it (for example {@code vni}). */
    public String field() {
        return field;
    }

    /** The rejected value in its textual form. */
    public String value() {
        return value;
    }

    private static String quote(Object value) {
        return value instanceof CharSequence ? "'" + value + "'" : String.valueOf(value);
    }
}
