package org.netweave.manager.inventory;

import java.util.regex.Pattern;

import org.netweave.model.InvalidValueException;

/**
 * An IP address pool (NSX's ipaddresspool-N), from which host preparation takes VTEP addresses.
 * It lives here rather than in netweave-model because only the inventory uses it so far; it
 * follows the model's id rule (letters, digits and {@code . _ : + -}, at most 128 characters).
 */
public record IpPoolId(String value) implements Comparable<IpPoolId> {
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:+-]{0,127}");

    public IpPoolId {
        if (value == null || value.isEmpty()) {
            throw new InvalidValueException("ipPoolId", value, "is missing");
        }
        if (!ALLOWED.matcher(value).matches()) {
            throw new InvalidValueException("ipPoolId", value,
                    "may hold only letters, digits and . _ : + - (at most 128) and must start with a letter or digit");
        }
    }

    public static IpPoolId of(String value) {
        return new IpPoolId(value);
    }

    @Override
    public int compareTo(IpPoolId other) {
        return NaturalOrder.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
