package dev.scrumpoker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
 * Sign-ins come from addresses of their own ({@link #anotherAddress}), so these counts and the other tests'
 * sign-ins from 127.0.0.1 do not mix.
 */
class RateLimitsIT {

    private static final String PASSWORD = "correct horse battery";

    @BeforeAll
    static void serverIsReady() {
        Server.A.awaitReady();
    }

    @Test
    void guessingOneAccountsPasswordLocksItOutEvenForTheRightPassword() {
        String address = anotherAddress();
        Api.Registered account = Api.register("Victim", PASSWORD);
        for (int guess = 1; guess <= 5; guess++) {
            assertEquals(401, login(address, account.email(), "guess-" + guess).status(), "guess " + guess);
        }

        RawAnswer locked = login(address, account.email(), PASSWORD);

        assertEquals(429, locked.status(), locked.text());
        assertTrue(locked.text().contains("\"error\":\"RATE_LIMITED\""), locked.text());
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 15 * 60, "Retry-After " + retryAfter);
        // From another address too: the lockout is the account's.
        assertEquals(429, login(anotherAddress(), account.email(), PASSWORD).status());
        // Other accounts are not affected.
        Api.Registered other = Api.register("Bystander", PASSWORD);
        assertEquals(200, login(address, other.email(), PASSWORD).status());
    }

    @Test
    void aSuccessfulLoginClearsEarlierFailures() {
        String address = anotherAddress();
        Api.Registered account = Api.register("Forgetful", PASSWORD);
        for (int guess = 1; guess <= 4; guess++) {
            assertEquals(401, login(address, account.email(), "guess-" + guess).status());
        }
        assertEquals(200, login(address, account.email(), PASSWORD).status());

        for (int guess = 1; guess <= 4; guess++) {
            assertEquals(401, login(address, account.email(), "again-" + guess).status());
        }
        assertEquals(200, login(address, account.email(), PASSWORD).status());
    }

    @Test
    void passwordChecksFromOneAddressAreLimited() {
        String address = anotherAddress();
        String body = Jsons.object("email", "nobody-" + UUID.randomUUID() + "@example.org").toString();
        for (int attempt = 1; attempt <= 60; attempt++) {
            assertEquals(400, postFrom(address, "/auth/login", body).status(), "attempt " + attempt);
        }

        RawAnswer limited = postFrom(address, "/auth/login", body);

        assertEquals(429, limited.status());
        assertTrue(limited.text().contains("\"error\":\"RATE_LIMITED\""), limited.text());
        assertTrue(Long.parseLong(limited.header("Retry-After")) >= 1, limited.text());
        // Another address is still served.
        assertEquals(400, postFrom(anotherAddress(), "/auth/login", body).status());
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

    /** The IT server counts handshakes per second (pom.xml: 100 per address), so one test can reach the limit. */
    @Test
    void handshakesFromOneAddressAreLimitedBeforeTheUpgrade() {
        String address = anotherAddress();
        RawAnswer refused = null;
        for (int attempt = 1; attempt <= 1000 && refused == null; attempt++) {
            RawAnswer answer = handshakeFrom(address);
            if (answer.status() == 429) {
                refused = answer;
            } else {
                assertEquals(101, answer.status(), answer.text());
            }
        }

        assertTrue(refused != null, "no handshake of 1,000 was refused");
        assertTrue(refused.text().contains("\"error\":\"RATE_LIMITED\""), refused.text());
        assertTrue(Long.parseLong(refused.header("Retry-After")) >= 1, refused.text());
        assertEquals(101, handshakeFrom(anotherAddress()).status(), "another address is still served");
    }

    private static ApiResponse checkout(Api.User user, String idempotencyKey) {
        return Api.post("/subscriptions/checkout", user.token(), Jsons.object("tier", "PRO").toString(),
                Map.of("Idempotency-Key", idempotencyKey));
    }

    /** An address of this machine other than 127.0.0.1 (all of 127/8 is loopback): its own counts. */
    private static String anotherAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "127." + random.nextInt(1, 255) + "." + random.nextInt(1, 255) + "." + random.nextInt(2, 255);
    }

    private static RawAnswer login(String fromAddress, String email, String password) {
        return postFrom(fromAddress, "/auth/login", Jsons.object("email", email, "password", password).toString());
    }

    private record RawAnswer(int status, String text) {

        String header(String name) {
            return text.lines().takeWhile(line -> !line.isEmpty())
                    .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + name + " in " + text));
        }
    }

    /** A WebSocket handshake from {@code fromAddress}: its answer's head (and body, when refused); then hangs up. */
    private static RawAnswer handshakeFrom(String fromAddress) {
        URI target = Server.A.ws("/ws/room/zzzz9999");
        String request = "GET " + target.getRawPath() + " HTTP/1.1\r\nHost: " + target.getHost() + ":" + target.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
        try (Socket socket = new Socket(InetAddress.getByName(target.getHost()), target.getPort(),
                InetAddress.getByName(fromAddress), 0)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder answer = new StringBuilder();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                answer.append(line).append('\n');
            }
            int status = Integer.parseInt(answer.substring(answer.indexOf(" ") + 1, answer.indexOf(" ") + 4));
            RawAnswer head = new RawAnswer(status, answer.toString());
            if (status == 101) {
                return head;
            }
            // A refusal's body is short ASCII JSON; the connection stays open, so read what the length says.
            char[] body = new char[Integer.parseInt(head.header("Content-Length"))];
            for (int read = 0; read < body.length; ) {
                read += in.read(body, read, body.length - read);
            }
            return new RawAnswer(status, answer.append('\n').append(body).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
