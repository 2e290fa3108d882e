package org.netweave.manager.inventory;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.netweave.manager.api.ApiException;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;

/**
 * Turns the text of request fields into typed values, naming the field by its full path
 * ({@code vmkernelPorts[1].ip}) in every refusal. The request records hold text so that a bad
 * value reaches this code, which can say what is wrong, instead of failing in Jackson.
 */
final class RequestFields {
    private static final int MAX_NAME = 255;

    private RequestFields() {
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw ApiException.missing(field);
        }
        return value;
    }

    /** A display name: 1–255 characters, not blank, no control characters. */
    static String name(String field, String value) {
        required(field, value);
        if (value.isBlank()) {
            throw ApiException.invalid(field, field + " must not be blank");
        }
        if (value.length() > MAX_NAME) {
            throw ApiException.invalid(field, field + " is longer than " + MAX_NAME + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.invalid(field, field + " must not hold control characters");
        }
        return value;
    }

    static Ipv4Address ip(String field, String text) {
        return Ipv4Address.parse(field, required(field, text));
    }

    static Optional<Ipv4Address> optionalIp(String field, String text) {
        return Optional.ofNullable(text).map(t -> Ipv4Address.parse(field, t));
    }

    /** A typed id, with the model's refusal moved to {@code field}. */
    static <T> T id(String field, String text, Function<String, T> of) {
        required(field, text);
        return at(field, () -> of.apply(text));
    }

    static <T> Optional<T> optionalId(String field, String text, Function<String, T> of) {
        return text == null ? Optional.empty() : Optional.of(id(field, text, of));
    }

    static <E extends Enum<E>> E enumValue(String field, String text, Class<E> type) {
        required(field, text);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        throw ApiException.invalid(field, field + ": '" + text + "' is not one of "
                + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
    }

    static <T> List<T> list(String field, List<T> values) {
        return List.copyOf(required(field, values));
    }

    /**
     * Runs a constructor of the model and names {@code field} in its refusal, whatever field the
     * model named: a typed id calls itself "vmId" even when it is {@code vmIds[2]} of a request.
     */
    static <T> T at(String field, Supplier<T> make) {
        try {
            return make.get();
        } catch (InvalidValueException e) {
            throw new ApiException(400, "invalid_value", field, field + e.getMessage().substring(e.field().length()));
        }
    }

    /** Runs a constructor of a part of the request and puts {@code prefix} before the field it refuses. */
    static <T> T within(String prefix, Supplier<T> make) {
        try {
            return make.get();
        } catch (InvalidValueException e) {
            String field = prefix + e.field();
            throw new ApiException(400, "invalid_value", field, field + e.getMessage().substring(e.field().length()));
        }
    }
}
