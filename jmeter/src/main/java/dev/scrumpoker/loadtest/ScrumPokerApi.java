package dev.scrumpoker.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The REST calls a simulated room needs to set itself up: guest tokens and the room. */
final class ScrumPokerApi {

    private final Target target;

    ScrumPokerApi(Target target) {
        this.target = target;
    }

    String guestToken(String displayName) throws IOException, InterruptedException {
        ObjectNode body = Transport.JSON.createObjectNode().put("displayName", displayName);
        return post("auth/guest", null, body).get("token").asText();
    }

    String createRoom(String token, String title, String deck) throws IOException, InterruptedException {
        ObjectNode body = Transport.JSON.createObjectNode().put("title", title).put("deck", deck);
        return post("rooms", token, body).get("id").asText();
    }

    private JsonNode post(String path, String token, JsonNode body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.api(path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Transport.JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = Transport.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            String text = response.body();
            throw new IOException("POST " + path + " answered " + response.statusCode() + ": "
                    + text.substring(0, Math.min(text.length(), 200)).replaceAll("\\s+", " "));
        }
        return Transport.JSON.readTree(response.body());
    }
}
