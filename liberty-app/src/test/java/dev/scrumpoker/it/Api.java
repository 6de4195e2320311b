package dev.scrumpoker.it;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The REST API at {@code /api/v1}, called the way a client would: JSON bodies, bearer tokens, and answers returned
 * whole (status, headers, body) so tests can check errors as closely as successes. The helpers at the bottom do
 * the common set-up steps and fail the test if the server does not accept them.
 */
final class Api {

    static final String BASE = "/api/v1";
    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Api() {
    }

    /** A signed-in user: the bearer token and who it stands for. */
    record User(String token, String id, String displayName) {
    }

    static ApiResponse get(String path, String token) {
        return send(request(path, token).GET());
    }

    static ApiResponse delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    static ApiResponse post(String path, String token, JsonObject body) {
        return post(path, token, body.toString());
    }

    /** Posts JSON with extra request headers (Idempotency-Key, Stripe-Signature). */
    static ApiResponse post(String path, String token, String rawJson, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path, token).header("Content-Type", "application/json");
        headers.forEach(builder::header);
        return send(builder.POST(HttpRequest.BodyPublishers.ofString(rawJson, StandardCharsets.UTF_8)));
    }

    /** Posts a body as it is, so tests can send malformed JSON. */
    static ApiResponse post(String path, String token, String rawJson) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(rawJson, StandardCharsets.UTF_8)));
    }

    /** A path outside {@code /api/v1} (health, metrics, OpenAPI). */
    static ApiResponse getAbsolute(String path) {
        return send(HttpRequest.newBuilder(Server.A.http(path)).timeout(TIMEOUT).GET());
    }

    private static HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(Server.A.http(BASE + path)).timeout(TIMEOUT)
                .header("Accept", "application/json, text/csv, image/svg+xml");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static ApiResponse send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = HTTP.send(builder.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new ApiResponse(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    // Set-up helpers: each asserts the call worked, so a broken precondition fails loudly where it happens.

    /** A fresh guest; the name is made unique so test runs never collide. */
    static User guest(String name) {
        JsonObject answer = post("/auth/guest", null, Jsons.object("displayName", name)).expect(201);
        return user(answer);
    }

    static User freshGuest() {
        return guest("guest-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** A fresh registered account with a unique email; returns the email with the user. */
    static Registered register(String displayName, String password) {
        String email = "it-" + UUID.randomUUID() + "@example.org";
        JsonObject answer = post("/auth/register", null,
                Jsons.object("email", email, "password", password, "displayName", displayName)).expect(201);
        return new Registered(email, user(answer));
    }

    record Registered(String email, User user) {
    }

    static User user(JsonObject tokenAnswer) {
        JsonObject user = tokenAnswer.getJsonObject("user");
        return new User(tokenAnswer.getString("token"), user.getString("id"), user.getString("displayName"));
    }

    /** A room with the given request body, as its owner sees it. */
    static JsonObject createRoom(User owner, JsonObject body) {
        return post("/rooms", owner.token(), body).expect(201);
    }

    static JsonObject createRoom(User owner, String title, String deck) {
        return createRoom(owner, Jsons.object("title", title, "deck", deck));
    }

    static JsonObject createRoom(User owner) {
        return createRoom(owner, Jsons.object("title", "IT room " + UUID.randomUUID().toString().substring(0, 8)));
    }
}
