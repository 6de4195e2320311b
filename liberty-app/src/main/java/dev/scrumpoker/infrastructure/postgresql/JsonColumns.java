package dev.scrumpoker.infrastructure.postgresql;

import dev.scrumpoker.domain.vote.RevealedVote;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The {@code jsonb} columns: a revealed round's votes ({@code round_history.votes}) and audit details. */
final class JsonColumns {

    /** Looked up once: {@code JSON.create…} finds the provider anew on every call (a class-path scan). */
    private static final JsonProvider JSON = JsonProvider.provider();

    private JsonColumns() {
    }

    /** {@code [{"participantId", "displayName", "cardValue"}]} in the order the votes were cast. */
    static String votes(List<RevealedVote> votes) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (RevealedVote vote : votes) {
            array.add(JSON.createObjectBuilder()
                    .add("participantId", vote.participantId().toString())
                    .add("displayName", vote.displayName())
                    .add("cardValue", vote.cardValue()));
        }
        return array.build().toString();
    }

    static List<RevealedVote> votes(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            JsonArray array = reader.readArray();
            return array.getValuesAs(JsonObject.class).stream()
                    .map(vote -> new RevealedVote(UUID.fromString(vote.getString("participantId")),
                            vote.getString("displayName"), vote.getString("cardValue")))
                    .toList();
        }
    }

    static String details(Map<String, String> details) {
        JsonObjectBuilder object = JSON.createObjectBuilder();
        details.forEach(object::add);
        return object.build().toString();
    }

    static Map<String, String> details(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            Map<String, String> details = new LinkedHashMap<>();
            object.forEach((key, value) -> details.put(key, ((JsonString) value).getString()));
            return details;
        }
    }
}
