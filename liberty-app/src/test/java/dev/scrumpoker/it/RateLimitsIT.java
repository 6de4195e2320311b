package dev.scrumpoker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What costs the service is limited and refused with 429 RATE_LIMITED and Retry-After: password guessing on one
 * account, password checks from one address, checkouts by one account. Counted in Redis (shared by the nodes).
 * Sign-ins come from addresses of their own ({@link OtherAddresses}), so these counts and the other tests'
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
        String address = OtherAddresses.any();
        Api.Registered account = Api.register("Victim", PASSWORD);
        for (int guess = 1; guess <= 5; guess++) {
            assertEquals(401, login(address, account.email(), "guess-" + guess).status(), "guess " + guess);
        }

        OtherAddresses.Answer locked = login(address, account.email(), PASSWORD);

        assertEquals(429, locked.status(), locked.text());
        assertTrue(locked.text().contains("\"error\":\"RATE_LIMITED\""), locked.text());
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 15 * 60, "Retry-After " + retryAfter);
        // From another address too: the lockout is the account's.
        assertEquals(429, login(OtherAddresses.any(), account.email(), PASSWORD).status());
        // Other accounts are not affected.
        Api.Registered other = Api.register("Bystander", PASSWORD);
        assertEquals(200, login(address, other.email(), PASSWORD).status());
    }

    @Test
    void aSuccessfulLoginClearsEarlierFailures() {
        String address = OtherAddresses.any();
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
        String address = OtherAddresses.any();
        String body = Jsons.object("email", "nobody-" + UUID.randomUUID() + "@example.org").toString();
        for (int attempt = 1; attempt <= 60; attempt++) {
            assertEquals(400, OtherAddresses.post(address, "/auth/login", body).status(), "attempt " + attempt);
        }

        OtherAddresses.Answer limited = OtherAddresses.post(address, "/auth/login", body);

        assertEquals(429, limited.status());
        assertTrue(limited.text().contains("\"error\":\"RATE_LIMITED\""), limited.text());
        assertTrue(Long.parseLong(limited.header("Retry-After")) >= 1, limited.text());
        // Another address is still served.
        assertEquals(400, OtherAddresses.post(OtherAddresses.any(), "/auth/login", body).status());
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
        String address = OtherAddresses.any();
        OtherAddresses.Answer refused = null;
        for (int attempt = 1; attempt <= 1000 && refused == null; attempt++) {
            OtherAddresses.Answer answer = OtherAddresses.handshake(address);
            if (answer.status() == 429) {
                refused = answer;
            } else {
                assertEquals(101, answer.status(), answer.text());
            }
        }

        assertTrue(refused != null, "no handshake of 1,000 was refused");
        assertTrue(refused.text().contains("\"error\":\"RATE_LIMITED\""), refused.text());
        assertTrue(Long.parseLong(refused.header("Retry-After")) >= 1, refused.text());
        assertEquals(101, OtherAddresses.handshake(OtherAddresses.any()).status(), "another address is still served");
    }

    private static ApiResponse checkout(Api.User user, String idempotencyKey) {
        return Api.post("/subscriptions/checkout", user.token(), Jsons.object("tier", "PRO").toString(),
                Map.of("Idempotency-Key", idempotencyKey));
    }

    private static OtherAddresses.Answer login(String fromAddress, String email, String password) {
        return OtherAddresses.post(fromAddress, "/auth/login", Jsons.object("email", email, "password", password).toString());
    }
}
