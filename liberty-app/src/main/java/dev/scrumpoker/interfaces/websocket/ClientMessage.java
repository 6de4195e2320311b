package dev.scrumpoker.interfaces.websocket;

import dev.scrumpoker.domain.shared.DomainException;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One client frame, {@code {"type", "requestId"?, "payload"}}, read strictly: anything malformed becomes an
 * {@link Invalid} with the best requestId that could be recovered, so the error can still be matched to its request.
 */
record ClientMessage(String type, String requestId, JsonObject payload) {

    /** Looked up once: {@code JSON.create…} finds the provider anew on every call (a class-path scan). */
    private static final JsonProvider JSON = JsonProvider.provider();

    static final int MAX_REQUEST_ID = 64;
    /** No client message nests deeper than 4; parsers recurse per level, so depth is refused before parsing. */
    static final int MAX_NESTING = 16;

    static ClientMessage parse(String text) {
        if (nesting(text) > MAX_NESTING) {
            throw new Invalid("the frame nests deeper than " + MAX_NESTING + " levels", null);
        }
        JsonObject frame;
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new Invalid("a frame must be a JSON object", null);
            }
            frame = value.asJsonObject();
        } catch (JsonException | IllegalStateException malformed) {
            throw new Invalid("the frame is not valid JSON", null);
        }
        String requestId = requestId(frame);
        if (!(frame.get("type") instanceof JsonString type) || type.getString().isEmpty()) {
            throw new Invalid("type must be a non-empty string", requestId);
        }
        JsonValue payload = frame.get("payload");
        if (payload == null || payload == JsonValue.NULL) {
            payload = JsonValue.EMPTY_JSON_OBJECT;
        }
        if (payload.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new Invalid("payload must be an object", requestId);
        }
        return new ClientMessage(type.getString(), requestId, payload.asJsonObject());
    }

    /**
     * The requestId of a frame that is answered without being handled (a refusal), so the answer can still be
     * matched to its request; null when the frame has none or is not readable.
     */
    static String requestIdOf(String text) {
        try {
            return parse(text).requestId();
        } catch (Invalid invalid) {
            return invalid.requestId();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** The deepest nesting of arrays and objects in the text, brackets inside strings not counted. */
    static int nesting(String text) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return deepest;
    }

    private static String requestId(JsonObject frame) {
        JsonValue value = frame.get("requestId");
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString id) || id.getString().length() > MAX_REQUEST_ID) {
            throw new Invalid("requestId must be a string of at most " + MAX_REQUEST_ID + " characters", null);
        }
        return id.getString();
    }

    /** A required string field of the payload. */
    String requiredString(String field) {
        return optionalString(field).orElseThrow(() -> new Invalid("payload." + field + " is required", requestId));
    }

    Optional<String> optionalString(String field) {
        JsonValue value = payload.get(field);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonString string)) {
            throw new Invalid("payload." + field + " must be a string", requestId);
        }
        return Optional.of(string.getString());
    }

    UUID requiredId(String field) {
        return optionalId(field).orElseThrow(() -> new Invalid("payload." + field + " is required", requestId));
    }

    Optional<UUID> optionalId(String field) {
        try {
            return optionalString(field).map(UUID::fromString);
        } catch (IllegalArgumentException notAnId) {
            throw new Invalid("payload." + field + " must be an id as the server gave it", requestId);
        }
    }

    boolean requiredBoolean(String field) {
        JsonValue value = payload.get(field);
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        throw new Invalid("payload." + field + " must be true or false", requestId);
    }

    int requiredInt(String field) {
        JsonValue value = payload.get(field);
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw new Invalid("payload." + field + " must be a whole number", requestId);
        }
        try {
            return number.intValueExact();
        } catch (ArithmeticException tooLarge) {
            throw new Invalid("payload." + field + " is out of range", requestId);
        }
    }

    /** A required array of objects: each is read by {@code reader} as a message of its own (same requestId). */
    <T> List<T> requiredObjects(String field, int max, Function<ClientMessage, T> reader) {
        JsonValue value = payload.get(field);
        if (!(value instanceof JsonArray array) || array.isEmpty() || array.size() > max) {
            throw new Invalid("payload." + field + " must be an array of 1–" + max + " objects", requestId);
        }
        List<T> read = new ArrayList<>(array.size());
        for (JsonValue element : array) {
            if (element.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new Invalid("payload." + field + " must hold objects only", requestId);
            }
            read.add(reader.apply(new ClientMessage(type, requestId, element.asJsonObject())));
        }
        return read;
    }

    /** A domain value built from the payload: a broken rule is a malformed message, answered INVALID_MESSAGE. */
    <T> T checked(Supplier<T> build) {
        try {
            return build.get();
        } catch (DomainException broken) {
            throw new Invalid(broken.getMessage(), requestId);
        }
    }

    <E extends Enum<E>> E requiredEnum(String field, Class<E> type) {
        String value = requiredString(field);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException unknown) {
            throw new Invalid("payload." + field + " must be one of " + Arrays.toString(type.getEnumConstants()),
                    requestId);
        }
    }

    /** A frame that breaks the message format: answered with INVALID_MESSAGE. */
    static final class Invalid extends RuntimeException {

        private final String requestId;

        Invalid(String message, String requestId) {
            super(message, null, false, false);
            this.requestId = requestId;
        }

        String requestId() {
            return requestId;
        }
    }
}
