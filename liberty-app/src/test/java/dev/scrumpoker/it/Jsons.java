package dev.scrumpoker.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

/** Small JSON helpers: build objects from key/value pairs, parse text, read lists. */
final class Jsons {

    private Jsons() {
    }

    static JsonObject parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** An object from alternating keys and values; values may be strings, numbers, booleans, JSON or collections. */
    static JsonObject object(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must come in pairs");
        }
        JsonObjectBuilder builder = Json.createObjectBuilder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            builder.add((String) keysAndValues[i], value(keysAndValues[i + 1]));
        }
        return builder.build();
    }

    static JsonArray array(Collection<?> values) {
        JsonArrayBuilder builder = Json.createArrayBuilder();
        values.forEach(v -> builder.add(value(v)));
        return builder.build();
    }

    static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    static List<BigDecimal> decimals(JsonArray array) {
        return array.getValuesAs(JsonNumber.class).stream().map(JsonNumber::bigDecimalValue)
                .toList();
    }

    static JsonValue value(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        } else if (value instanceof JsonValue json) {
            return json;
        } else if (value instanceof String string) {
            return Json.createValue(string);
        } else if (value instanceof Integer number) {
            return Json.createValue(number);
        } else if (value instanceof Long number) {
            return Json.createValue(number);
        } else if (value instanceof BigDecimal number) {
            return Json.createValue(number);
        } else if (value instanceof Boolean bool) {
            return bool ? JsonValue.TRUE : JsonValue.FALSE;
        } else if (value instanceof Collection<?> collection) {
            return array(collection);
        }
        throw new IllegalArgumentException("no JSON form for " + value.getClass());
    }
}
