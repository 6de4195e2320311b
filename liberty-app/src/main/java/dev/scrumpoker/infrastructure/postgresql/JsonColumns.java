package dev.scrumpoker.infrastructure.postgresql;

import dev.scrumpoker.domain.vote.RevealedVote;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
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

    private JsonColumns() {
    }

    /** {@code [{"participantId", "displayName", "cardValue"}]} in the order the votes were cast. */
    static String votes(List<RevealedVote> votes) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (RevealedVote vote : votes) {
            array.add(Json.createObjectBuilder()
                    .add("participantId", vote.participantId().toString())
                    .add("displayName", vote.displayName())
                    .add("cardValue", vote.cardValue()));
        }
        return array.build().toString();
    }

    static List<RevealedVote> votes(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonArray array = reader.readArray();
            return array.getValuesAs(JsonObject.class).stream()
                    .map(vote -> new RevealedVote(UUID.fromString(vote.getString("participantId")),
                            vote.getString("displayName"), vote.getString("cardValue")))
                    .toList();
        }
    }

    static String details(Map<String, String> details) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        details.forEach(object::add);
        return object.build().toString();
    }

    static Map<String, String> details(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            Map<String, String> details = new LinkedHashMap<>();
            object.forEach((key, value) -> details.put(key, ((JsonString) value).getString()));
            return details;
        }
    }
}
