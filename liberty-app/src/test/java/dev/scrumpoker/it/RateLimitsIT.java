package dev.scrumpoker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What costs the service is limited and refused with 429 RATE_LIMITED and Retry-After: password guessing on one
 * account, password checks from one address, checkouts by one account. Counted in Redis (shared by the nodes).
 */
class RateLimitsIT {

    private static final String PASSWORD = "correct horse battery";

    @BeforeAll
    static void serverIsReady() {
        Server.A.awaitReady();
    }

    @Test
    void guessingOneAccountsPasswordLocksItOutEvenForTheRightPassword() {
        Api.Registered account = Api.register("Victim", PASSWORD);
        for (int guess = 1; guess <= 5; guess++) {
            Api.post("/auth/login", null, Jsons.object("email", account.email(), "password", "guess-" + guess))
                    .expectError(401, "UNAUTHORIZED");
        }

        ApiResponse locked = Api.post("/auth/login", null, Jsons.object("email", account.email(), "password", PASSWORD));

        locked.expectError(429, "RATE_LIMITED");
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 15 * 60, "Retry-After " + retryAfter);
        // Other accounts are not affected.
        Api.Registered other = Api.register("Bystander", PASSWORD);
        Api.post("/auth/login", null, Jsons.object("email", other.email(), "password", PASSWORD)).expect(200);
    }

    @Test
    void aSuccessfulLoginClearsEarlierFailures() {
        Api.Registered account = Api.register("Forgetful", PASSWORD);
        for (int guess = 1; guess <= 4; guess++) {
            Api.post("/auth/login", null, Jsons.object("email", account.email(), "password", "guess-" + guess))
                    .expectError(401, "UNAUTHORIZED");
        }
        Api.post("/auth/login", null, Jsons.object("email", account.email(), "password", PASSWORD)).expect(200);

        for (int guess = 1; guess <= 4; guess++) {
            Api.post("/auth/login", null, Jsons.object("email", account.email(), "password", "again-" + guess))
                    .expectError(401, "UNAUTHORIZED");
        }
        Api.post("/auth/login", null, Jsons.object("email", account.email(), "password", PASSWORD)).expect(200);
    }

    /** From an address of its own (all of 127/8 is this machine), so the other tests' sign-ins are not counted. */
    @Test
    void passwordChecksFromOneAddressAreLimited() {
        String address = "127." + ThreadLocalRandom.current().nextInt(1, 255) + "."
                + ThreadLocalRandom.current().nextInt(1, 255) + "." + ThreadLocalRandom.current().nextInt(2, 255);
        String body = Jsons.object("email", "nobody-" + UUID.randomUUID() + "@example.org").toString();
        for (int attempt = 1; attempt <= 60; attempt++) {
            assertEquals(400, postFrom(address, "/auth/login", body).status(), "attempt " + attempt);
        }

        RawAnswer limited = postFrom(address, "/auth/login", body);

        assertEquals(429, limited.status());
        assertTrue(limited.head().contains("\"error\":\"RATE_LIMITED\""), limited.head());
        assertTrue(limited.head().toLowerCase(Locale.ROOT).contains("retry-after:"), limited.head());
        // Another address is still served.
        Api.post("/auth/login", null, body).expectError(400, "VALIDATION_FAILED");
    }

    @Test
    void newCheckoutsOfOneAccountAreLimitedButRetriesAreAnsweredAsBefore() {
        Api.User buyer = Api.register("Buyer", PASSWORD).user();
        for (int checkout = 1; checkout <= 30; checkout++) {
            checkout(buyer, "key-" + checkout).expect(201);
        }

        checkout(buyer, "key-31").expectError(429, "RATE_LIMITED");
        // A retry of a checkout already made calls nobody and is answered as before.
        checkout(buyer, "key-1").expect(201);
    }

    private static ApiResponse checkout(Api.User user, String idempotencyKey) {
        return Api.post("/subscriptions/checkout", user.token(), Jsons.object("tier", "PRO").toString(),
                Map.of("Idempotency-Key", idempotencyKey));
    }

    private record RawAnswer(int status, String head) {
    }

    /** One HTTP/1.1 POST over a socket bound to {@code fromAddress}. */
    private static RawAnswer postFrom(String fromAddress, String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        URI target = Server.A.http("/api/v1" + path);
        String request = "POST " + target.getRawPath() + " HTTP/1.1\r\nHost: " + target.getHost() + ":"
                + target.getPort() + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket(InetAddress.getByName(target.getHost()), target.getPort(),
                InetAddress.getByName(fromAddress), 0)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(answer.indexOf(' ') + 1, answer.indexOf(' ') + 4));
            return new RawAnswer(status, answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
