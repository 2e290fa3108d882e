package org.netweave.manager.network;

import java.util.function.Function;

import org.netweave.manager.api.ApiException;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4InterfaceAddress;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.MacAddress;
import org.netweave.model.VlanId;
import org.netweave.model.Vni;

/**
 * Request values into model values, with the error naming the field by its full path in the
 * request ({@code interfaces[1].address}), not by the model's own short name. Pure.
 */
public final class Fields {
    /** The longest name the schema holds (VARCHAR(255)). */
    public static final int MAX_NAME = 255;

    private Fields() {
    }

    public static <T> T required(String field, T value) {
        if (value == null) {
            throw ApiException.missing(field);
        }
        return value;
    }

    /** A name a person chose: present, not blank, at most {@code max} characters, no control characters. */
    public static String name(String field, String value, int max) {
        required(field, value);
        if (value.isBlank()) {
            throw ApiException.invalid(field, field + " must not be blank");
        }
        if (value.length() > max) {
            throw ApiException.invalid(field, field + " is longer than " + max + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.invalid(field, field + " must not hold control characters");
        }
        return value;
    }

    /** A typed id ({@code LogicalSwitchId::of}) from request text. */
    public static <T> T id(String field, String value, Function<String, T> parse) {
        required(field, value);
        try {
            return parse.apply(value);
        } catch (InvalidValueException e) {
            throw renamed(e, field);
        }
    }

    public static Vni vni(String field, int value) {
        if (!Vni.isValid(value)) {
            throw ApiException.invalid(field, field + ": " + value + " is outside the logical switch range "
                    + Vni.MIN + "-" + Vni.MAX);
        }
        return Vni.of(value);
    }

    public static VlanId vlan(String field, int value) {
        if (value < VlanId.MIN || value > VlanId.MAX) {
            throw ApiException.invalid(field, field + ": " + value + " is outside " + VlanId.MIN + "-" + VlanId.MAX
                    + " (VLAN 0 and 4095 cannot carry a LIF or a bridge)");
        }
        return VlanId.of(value);
    }

    public static Ipv4Address ipv4(String field, String text) {
        required(field, text);
        try {
            return Ipv4Address.parse(field, text);
        } catch (InvalidValueException e) {
            throw renamed(e, field);
        }
    }

    public static Ipv4Prefix prefix(String field, String text) {
        required(field, text);
        try {
            return Ipv4Prefix.parse(field, text);
        } catch (InvalidValueException e) {
            throw renamed(e, field);
        }
    }

    public static Ipv4InterfaceAddress interfaceAddress(String field, String text) {
        required(field, text);
        try {
            return Ipv4InterfaceAddress.parse(field, text);
        } catch (InvalidValueException e) {
            throw renamed(e, field);
        }
    }

    public static MacAddress mac(String field, String text) {
        required(field, text);
        try {
            return MacAddress.parse(field, text);
        } catch (InvalidValueException e) {
            throw renamed(e, field);
        }
    }

    /** An integer path parameter (a vNIC or LIF index). */
    public static int index(String field, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the one message
        }
        throw ApiException.invalid(field, field + ": '" + text + "' is not a number in " + min + "-" + max);
    }

    /** Up to five items and how many more, for messages that name what is in the way. */
    public static String some(java.util.Collection<?> items) {
        java.util.List<String> texts = items.stream().map(String::valueOf).toList();
        if (texts.size() <= 5) {
            return String.join(", ", texts);
        }
        return String.join(", ", texts.subList(0, 5)) + " and " + (texts.size() - 5) + " more";
    }

    /** The model names its own short field; the API names the field the client sent. */
    static ApiException renamed(InvalidValueException e, String field) {
        String message = e.getMessage();
        if (message.startsWith(e.field() + ":")) {
            message = field + message.substring(e.field().length());
        }
        return ApiException.invalid(field, message);
    }
}
