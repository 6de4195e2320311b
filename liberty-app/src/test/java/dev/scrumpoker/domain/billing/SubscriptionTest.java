package dev.scrumpoker.domain.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrumpoker.domain.account.Tier;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubscriptionTest {

    private static final UUID USER = UUID.randomUUID();
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    private final Subscription subscription = Subscription.none(USER);

    @Test
    void aUserWhoNeverPaidIsOnTheFreeTier() {
        assertEquals(Tier.FREE, subscription.entitledTier());
        assertEquals("none", subscription.status());
    }

    @Test
    void aCompletedCheckoutGivesTheTierPaidFor() {
        assertTrue(subscription.apply(new BillingEvent.CheckoutCompleted(T0, USER, Tier.TEAM, "cus_1", "sub_1")));

        assertEquals(Tier.TEAM, subscription.entitledTier());
        assertEquals("active", subscription.status());
        assertEquals("sub_1", subscription.subscriptionId());
        assertEquals("cus_1", subscription.customerId());
    }

    @Test
    void anEventOlderThanTheLastAppliedChangesNothing() {
        subscription.apply(new BillingEvent.SubscriptionDeleted(T0.plusSeconds(60), USER, "sub_1"));

        assertFalse(subscription.apply(new BillingEvent.CheckoutCompleted(T0, USER, Tier.PRO, "cus_1", "sub_1")),
                "the cancellation came later, whatever order the deliveries took");
        assertEquals(Tier.FREE, subscription.entitledTier());
    }

    @Test
    void eventsOfTheSameSecondApplyInArrivalOrder() {
        subscription.apply(new BillingEvent.CheckoutCompleted(T0, USER, Tier.PRO, "cus_1", "sub_1"));

        assertTrue(subscription.apply(new BillingEvent.SubscriptionUpdated(T0, USER, "sub_1", Tier.TEAM, "active", null)));
        assertEquals(Tier.TEAM, subscription.entitledTier());
    }

    @ParameterizedTest(name = "status {0} gives {1}")
    @CsvSource({"active, PRO", "trialing, PRO", "past_due, PRO", "unpaid, FREE", "canceled, FREE",
                "incomplete, FREE", "incomplete_expired, FREE", "paused, FREE"})
    void theTierPaidForCountsWhileStripeSaysTheSubscriptionIsInForce(String status, Tier entitled) {
        subscription.apply(new BillingEvent.CheckoutCompleted(T0, USER, Tier.PRO, "cus_1", "sub_1"));
        subscription.apply(new BillingEvent.SubscriptionUpdated(T0.plusSeconds(1), USER, "sub_1", null, status, null));

        assertEquals(entitled, subscription.entitledTier());
        assertEquals(Tier.PRO, subscription.tier(), "an update without a plan of ours keeps the plan");
    }

    @Test
    void aFailedRenewalKeepsTheTierWhileStripeRetries() {
        subscription.apply(new BillingEvent.CheckoutCompleted(T0, USER, Tier.PRO, "cus_1", "sub_1"));

        subscription.apply(new BillingEvent.PaymentFailed(T0.plusSeconds(1), USER, "sub_1"));

        assertEquals("past_due", subscription.status());
        assertEquals(Tier.PRO, subscription.entitledTier());
    }

    @Test
    void aPaymentFailureStampedWithTheCancellationsSecondDoesNotReviveIt() {
        subscription.apply(new BillingEvent.CheckoutCompleted(T0, USER, Tier.PRO, "cus_1", "sub_1"));
        Instant lastRetry = T0.plusSeconds(86_400);

        subscription.apply(new BillingEvent.SubscriptionDeleted(lastRetry, USER, "sub_1"));
        assertFalse(subscription.apply(new BillingEvent.PaymentFailed(lastRetry, USER, "sub_1")));
        assertFalse(subscription.apply(new BillingEvent.SubscriptionUpdated(lastRetry, USER, "sub_1", Tier.PRO,
                "past_due", null)), "an ended subscription stays ended");

        assertEquals("canceled", subscription.status());
        assertEquals(Tier.FREE, subscription.entitledTier());
    }

    @Test
    void eventsOfAnotherSubscriptionChangeNothing() {
        subscription.apply(new BillingEvent.CheckoutCompleted(T0, USER, Tier.TEAM, "cus_1", "sub_1"));

        assertFalse(subscription.apply(new BillingEvent.SubscriptionDeleted(T0.plusSeconds(5), USER, "sub_old")));
        assertEquals(Tier.TEAM, subscription.entitledTier());
    }

    @Test
    void aNewCheckoutAfterTheEndStartsANewSubscription() {
        subscription.apply(new BillingEvent.CheckoutCompleted(T0, USER, Tier.PRO, "cus_1", "sub_1"));
        subscription.apply(new BillingEvent.SubscriptionDeleted(T0.plusSeconds(10), USER, "sub_1"));

        assertTrue(subscription.apply(new BillingEvent.CheckoutCompleted(T0.plusSeconds(20), USER, Tier.TEAM, "cus_1",
                "sub_2")));
        assertEquals(Tier.TEAM, subscription.entitledTier());
        assertEquals("sub_2", subscription.subscriptionId());
    }

    @Test
    void aDeletedSubscriptionFallsBackToFree() {
        subscription.apply(new BillingEvent.CheckoutCompleted(T0, USER, Tier.PRO, "cus_1", "sub_1"));
        Instant periodEnd = T0.plusSeconds(30 * 86_400);
        subscription.apply(new BillingEvent.SubscriptionUpdated(T0.plusSeconds(1), USER, "sub_1", null, "active", periodEnd));

        subscription.apply(new BillingEvent.SubscriptionDeleted(T0.plusSeconds(2), USER, "sub_1"));

        assertEquals("canceled", subscription.status());
        assertEquals(Tier.FREE, subscription.entitledTier());
        assertEquals(periodEnd, subscription.currentPeriodEnd());
    }
}
