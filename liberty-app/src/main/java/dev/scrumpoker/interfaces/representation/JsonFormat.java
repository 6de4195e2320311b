package dev.scrumpoker.interfaces.representation;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;

/**
 * The one JSON format of the public interface, for REST and WebSocket alike. Absent values are written as
 * {@code null} (the contract lists them: {@code nextCursor}, {@code stats}, {@code cardValue}...); properties that
 * are left out when unset say so with {@code @JsonbNillable(false)}.
 */
public final class JsonFormat {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    private JsonFormat() {
    }

    public static Jsonb jsonb() {
        return JSONB;
    }
}
