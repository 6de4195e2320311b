package dev.scrumpoker.interfaces.rest;

import dev.scrumpoker.domain.shared.DomainException;
import java.util.Arrays;

/** Checks on request bodies and query parameters that JAX-RS leaves to us. */
final class Bodies {

    private Bodies() {
    }

    static <T> T require(T body) {
        if (body == null) {
            throw DomainException.invalid("a JSON body is required");
        }
        return body;
    }

    /** A query parameter that must be an integer if present; JAX-RS would answer 404 for "abc". */
    static Integer integer(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException notANumber) {
            throw DomainException.invalid(name + " must be an integer");
        }
    }

    static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type, E absent) {
        if (value == null) {
            return absent;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw DomainException.invalid(name + " must be one of " + Arrays.toString(type.getEnumConstants()));
    }
}
