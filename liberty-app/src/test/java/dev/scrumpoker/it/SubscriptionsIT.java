package dev.scrumpoker.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Subscriptions against a real Liberty, PostgreSQL and Stripe's stripe-mock: Checkout Sessions per tier and per
 * request, signed webhooks that change the tier exactly once, tier limits, and Stripe being unreachable.
 */
class SubscriptionsIT {

    private static final String PASSWORD = "correct horse battery";

    @BeforeAll
    static void serverIsReady() {
        Server.A.awaitReady();
    }

    /**
     * Tests that stop stripe-mock open Stripe's circuit breaker; once stripe-mock is back, checkouts work again
     * when the breaker lets a trial call through (10 s), which is also what users would see.
     */
    @AfterEach
    void stripeIsBack() {
        Services.start();
        Api.User probe = Api.register("Probe", PASSWORD).user();
        await("checkouts work again").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> checkout(probe, "PRO", "recovery-probe").status() == 201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PRO", "TEAM"})
    void aRegisteredUserGetsACheckoutSessionForEachPaidTier(String tier) {
        Api.User user = Api.register("Payer", PASSWORD).user();

        JsonObject session = checkout(user, tier, null).expect(201);

        assertTrue(session.getString("sessionId").startsWith("cs_"), session.toString());
        assertTrue(session.getString("url").startsWith("https://"), session.toString());
    }

    @Test
    void guestsCannotSubscribe() {
        checkout(Api.freshGuest(), "PRO", null).expectError(403, "FORBIDDEN");
    }

    @Test
    void theFreeTierOrNoTierIsNotSomethingToBuy() {
        Api.User user = Api.register("Payer", PASSWORD).user();

        checkout(user, "FREE", null).expectError(400, "VALIDATION_FAILED");
        Api.post("/subscriptions/checkout", user.token(), "{}").expectError(400, "VALIDATION_FAILED");
    }

    @Test
    void aRetriedRequestGetsTheSameSessionWithoutAskingStripeAgain() {
        Api.User user = Api.register("Payer", PASSWORD).user();
        String key = UUID.randomUUID().toString();
        String first = checkout(user, "PRO", key).expect(201).getString("sessionId");

        Services.stopStripeMock();
        String retried = checkout(user, "PRO", key).expect(201).getString("sessionId");

        assertEquals(first, retried);
        assertEquals(1, Database.count("SELECT count(*) FROM checkout_sessions WHERE user_id = CAST(? AS uuid)",
                user.id()));
        checkout(user, "TEAM", key).expectError(409, "CONFLICT");
    }

    @Test
    void stripeUnreachableIsAQuick503WithRetryAfter() {
        Api.User user = Api.register("Payer", PASSWORD).user();
        Services.stopStripeMock();

        long started = System.nanoTime();
        ApiResponse answer = checkout(user, "PRO", null);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        answer.expectError(503, "UNAVAILABLE");
        assertTrue(answer.header("Retry-After") != null, "503 says when to retry");
        assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "answered in " + took);
    }

    @Test
    void aSignedCheckoutCompletionUpgradesTheUserAndLiftsTheRoomLimit() {
        Api.User user = Api.register("Payer", PASSWORD).user();
        for (int i = 0; i < 3; i++) {
            Api.createRoom(user);
        }
        JsonObject refused = Api.post("/rooms", user.token(), Jsons.object("title", "Fourth")).expectError(403, "FORBIDDEN");
        assertTrue(refused.getString("message").contains("upgrade"), refused.toString());

        deliver(StripeEvents.checkoutCompleted(StripeEvents.newEventId(), user.id(), "PRO", "sub_" + user.id(),
                Instant.now())).expect(200);

        JsonObject plan = Api.get("/subscriptions/me", user.token()).expect(200);
        assertEquals("PRO", plan.getString("tier"));
        assertEquals("active", plan.getString("status"));
        assertEquals("PRO", Api.get("/users/me", user.token()).expect(200).getString("tier"));
        Api.post("/rooms", user.token(), Jsons.object("title", "Fourth")).expect(201);
    }

    /** The secret this repository once held (whsec_local_development_only) signs nothing that is accepted. */
    @Test
    void anEventSignedWithTheSecretOncePublishedInTheRepositoryIsRefused() {
        Api.User user = Api.register("Forger", PASSWORD).user();
        String payload = StripeEvents.checkoutCompleted(StripeEvents.newEventId(), user.id(), "TEAM", "sub_" + user.id(),
                Instant.now());

        Api.post("/subscriptions/webhook", null, payload,
                StripeEvents.signedWith("whsec_local_development_only", payload, Instant.now()))
                .expectError(400, "VALIDATION_FAILED");

        assertEquals("FREE", Api.get("/subscriptions/me", user.token()).expect(200).getString("tier"));
    }

    @Test
    void aSubscriberCannotStartASecondSubscription() {
        Api.User user = Api.register("Payer", PASSWORD).user();
        deliver(StripeEvents.checkoutCompleted(StripeEvents.newEventId(), user.id(), "PRO", "sub_" + user.id(),
                Instant.now())).expect(200);

        JsonObject refused = checkout(user, "TEAM", null).expectError(409, "CONFLICT");
        assertTrue(refused.getString("message").contains("PRO"), refused.toString());
    }

    @Test
    void aBadOrStaleSignatureIs400AndChangesNothing() {
        Api.User user = Api.register("Payer", PASSWORD).user();
        String payload = StripeEvents.checkoutCompleted(StripeEvents.newEventId(), user.id(), "PRO", "sub_x",
                Instant.now());

        Api.post("/subscriptions/webhook", null, payload, Map.of("Stripe-Signature", "t=1,v1=00"))
                .expectError(400, "VALIDATION_FAILED");
        Api.post("/subscriptions/webhook", null, payload.replace("PRO", "TEAM"), StripeEvents.signed(payload))
                .expectError(400, "VALIDATION_FAILED");
        Api.post("/subscriptions/webhook", null, payload, StripeEvents.signedAt(payload, Instant.now().minusSeconds(600)))
                .expectError(400, "VALIDATION_FAILED");
        Api.post("/subscriptions/webhook", null, payload, Map.of()).expectError(400, "VALIDATION_FAILED");

        assertEquals("FREE", Api.get("/subscriptions/me", user.token()).expect(200).getString("tier"));
    }

    @Test
    void aReplayedEventIsAcknowledgedAndNotAppliedAgain() {
        Api.User user = Api.register("Payer", PASSWORD).user();
        String subscription = "sub_" + UUID.randomUUID();
        Instant paid = Instant.now().minusSeconds(120);
        String completed = StripeEvents.checkoutCompleted(StripeEvents.newEventId(), user.id(), "PRO", subscription, paid);
        deliver(completed).expect(200);
        deliver(StripeEvents.subscriptionEvent(StripeEvents.newEventId(), "customer.subscription.deleted",
                subscription, "canceled", paid.plusSeconds(60))).expect(200);
        assertEquals("FREE", Api.get("/subscriptions/me", user.token()).expect(200).getString("tier"));

        deliver(completed).expect(200);

        assertEquals("FREE", Api.get("/subscriptions/me", user.token()).expect(200).getString("tier"),
                "the replayed upgrade was applied once, before the cancellation");
    }

    @Test
    void concurrentDeliveriesOfOneEventApplyOnce() throws Exception {
        Api.User user = Api.register("Payer", PASSWORD).user();
        String payload = StripeEvents.checkoutCompleted(StripeEvents.newEventId(), user.id(), "TEAM",
                "sub_" + UUID.randomUUID(), Instant.now());
        int deliveries = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(deliveries);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < deliveries; i++) {
                Callable<Integer> delivery = () -> {
                    start.await();
                    return deliver(payload).status();
                };
                statuses.add(pool.submit(delivery));
            }
            start.countDown();
            for (Future<Integer> status : statuses) {
                assertEquals(200, status.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals("TEAM", Api.get("/subscriptions/me", user.token()).expect(200).getString("tier"));
        assertEquals(1, Database.count("SELECT count(*) FROM audit_log WHERE action = 'TIER_CHANGED'"
                + " AND subject_id = CAST(? AS uuid)", user.id()), "one tier change for eight deliveries");
    }

    @Test
    void aFailedRenewalKeepsTheTierAndTheEndOfTheSubscriptionReturnsToFree() {
        Api.User user = Api.register("Payer", PASSWORD).user();
        String subscription = "sub_" + UUID.randomUUID();
        Instant paid = Instant.now().minusSeconds(300);
        deliver(StripeEvents.checkoutCompleted(StripeEvents.newEventId(), user.id(), "PRO", subscription, paid)).expect(200);

        deliver(StripeEvents.paymentFailed(StripeEvents.newEventId(), subscription, paid.plusSeconds(60))).expect(200);
        JsonObject pastDue = Api.get("/subscriptions/me", user.token()).expect(200);
        assertEquals("past_due", pastDue.getString("status"));
        assertEquals("PRO", pastDue.getString("tier"));

        deliver(StripeEvents.subscriptionEvent(StripeEvents.newEventId(), "customer.subscription.updated",
                subscription, "unpaid", paid.plusSeconds(120))).expect(200);
        JsonObject unpaid = Api.get("/subscriptions/me", user.token()).expect(200);
        assertEquals("FREE", unpaid.getString("tier"));
        assertTrue(unpaid.getString("currentPeriodEnd").startsWith("20"), unpaid.toString());
    }

    @Test
    void unknownEventTypesAreAcknowledgedAndIgnored() {
        String payload = StripeEvents.event(StripeEvents.newEventId(), "customer.created", Instant.now(),
                "{\"id\":\"cus_1\",\"object\":\"customer\"}");

        assertEquals(200, deliver(payload).status());
    }

    private static ApiResponse checkout(Api.User user, String tier, String idempotencyKey) {
        Map<String, String> headers = idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey);
        return Api.post("/subscriptions/checkout", user.token(), Jsons.object("tier", tier).toString(), headers);
    }

    private static ApiResponse deliver(String payload) {
        return Api.post("/subscriptions/webhook", null, payload, StripeEvents.signed(payload));
    }
}
