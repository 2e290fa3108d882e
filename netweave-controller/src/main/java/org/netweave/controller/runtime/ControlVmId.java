package org.netweave.controller.runtime;

import java.util.regex.Pattern;
import org.netweave.model.InvalidValueException;

/**
 * The DLR control VM that pushed a router's forwarding table (NSX's Edge-Connection column). It
 * follows the model's id rule (letters, digits and {@code . _ : + -}) so it prints safely in logs
 * and CLI columns.
 */
public record ControlVmId(String value) implements Comparable<ControlVmId> {
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:+-]{0,127}");

    public ControlVmId {
        Fields.present("controlVm", value);
        if (!ALLOWED.matcher(value).matches()) {
            throw new InvalidValueException("controlVm", value,
                    "must be 1-128 letters, digits and . _ : + - starting with a letter or digit");
        }
    }

    public static ControlVmId of(String value) {
        return new ControlVmId(value);
    }

    @Override
    public int compareTo(ControlVmId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
