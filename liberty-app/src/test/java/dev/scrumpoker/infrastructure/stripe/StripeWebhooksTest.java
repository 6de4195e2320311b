package dev.scrumpoker.infrastructure.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scrumpoker.application.billing.PaymentEvents;
import dev.scrumpoker.domain.account.Tier;
import dev.scrumpoker.domain.billing.BillingEvent;
import dev.scrumpoker.domain.shared.DomainException;
import dev.scrumpoker.domain.shared.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signature checks and event reading, with payloads shaped like Stripe's (older and newer API versions). */
class StripeWebhooksTest {

    private static final String SECRET = "whsec_unit_test";
    private static final UUID USER = UUID.fromString("0b9c3f0e-5a4e-4c55-9a53-3f7f1f0b7c11");

    private final StripeWebhooks webhooks = new StripeWebhooks();

    @BeforeEach
    void configure() {
        StripeSettings settings = new StripeSettings();
        settings.webhookSecret = Optional.of(SECRET);
        settings.webhookToleranceSeconds = 300;
        settings.pricePro = "price_pro";
        settings.priceTeam = "price_team";
        webhooks.settings = settings;
    }

    @Test
    void aSignedCheckoutCompletionNamesTheUserTierAndSubscription() {
        String payload = event("evt_1", "checkout.session.completed", """
                {"id":"cs_1","client_reference_id":"%s","customer":"cus_1","subscription":"sub_1",
                 "metadata":{"tier":"TEAM","user_id":"%s"}}""".formatted(USER, USER));

        PaymentEvents.Delivery read = webhooks.read(payload, sign(payload, now()));

        assertEquals("evt_1", read.id());
        assertEquals("checkout.session.completed", read.type());
        BillingEvent.CheckoutCompleted completed = assertInstanceOf(BillingEvent.CheckoutCompleted.class, read.event());
        assertEquals(USER, completed.userId());
        assertEquals(Tier.TEAM, completed.tier());
        assertEquals("sub_1", completed.subscriptionId());
    }

    @Test
    void aChangedPayloadIsRefused() {
        String payload = event("evt_1", "checkout.session.completed", "{\"id\":\"cs_1\"}");
        String signature = sign(payload, now());

        DomainException refused = assertThrows(DomainException.class,
                () -> webhooks.read(payload.replace("cs_1", "cs_2"), signature));
        assertEquals(Reason.VALIDATION_FAILED, refused.reason());
    }

    @Test
    void aSignatureOlderThanTheToleranceIsRefused() {
        String payload = event("evt_1", "checkout.session.completed", "{\"id\":\"cs_1\"}");

        assertThrows(DomainException.class, () -> webhooks.read(payload, sign(payload, now() - 301)));
    }

    @Test
    void aSignatureWithAnotherSecretOrNoneIsRefused() {
        String payload = event("evt_1", "checkout.session.completed", "{\"id\":\"cs_1\"}");
        long t = now();
        String forged = "t=" + t + ",v1=" + hmac("whsec_someone_else", t + "." + payload);

        assertThrows(DomainException.class, () -> webhooks.read(payload, forged));
        assertThrows(DomainException.class, () -> webhooks.read(payload, null));
        assertThrows(DomainException.class, () -> webhooks.read(payload, "garbage"));
    }

    @Test
    void aSubscriptionUpdateOfANewerApiVersionFindsThePeriodEndAndThePlanOnItsItems() {
        String payload = event("evt_2", "customer.subscription.updated", """
                {"id":"sub_1","status":"past_due","metadata":{},
                 "items":{"data":[{"current_period_end":1798761600,"price":{"id":"price_team"}}]}}""");

        BillingEvent.SubscriptionUpdated updated = assertInstanceOf(BillingEvent.SubscriptionUpdated.class,
                webhooks.read(payload, sign(payload, now())).event());

        assertEquals("sub_1", updated.subscriptionId());
        assertEquals("past_due", updated.status());
        assertEquals(Tier.TEAM, updated.tier());
        assertEquals(Instant.ofEpochSecond(1798761600), updated.currentPeriodEnd());
        assertNull(updated.userId());
    }

    @Test
    void thePlansPriceSaysTheTierEvenWhenTheCheckoutsMetadataSaysAnother() {
        String payload = event("evt_6", "customer.subscription.updated", """
                {"id":"sub_1","status":"active","metadata":{"tier":"PRO","user_id":"%s"},
                 "items":{"data":[{"price":{"id":"price_team"}}]}}""".formatted(USER));

        BillingEvent.SubscriptionUpdated updated = assertInstanceOf(BillingEvent.SubscriptionUpdated.class,
                webhooks.read(payload, sign(payload, now())).event());

        assertEquals(Tier.TEAM, updated.tier(), "switched from PRO to TEAM in Stripe's portal");
    }

    @Test
    void aCheckoutCompletedButNotYetPaidGrantsNothing() {
        String payload = event("evt_7", "checkout.session.completed", """
                {"id":"cs_1","client_reference_id":"%s","payment_status":"unpaid","subscription":"sub_1",
                 "metadata":{"tier":"PRO"}}""".formatted(USER));

        assertNull(webhooks.read(payload, sign(payload, now())).event());
    }

    @Test
    void aFailedPaymentOfANewerApiVersionFindsItsSubscriptionUnderParent() {
        String payload = event("evt_3", "invoice.payment_failed", """
                {"id":"in_1","parent":{"subscription_details":{"subscription":"sub_9",
                 "metadata":{"user_id":"%s","tier":"PRO"}}}}""".formatted(USER));

        BillingEvent.PaymentFailed failed = assertInstanceOf(BillingEvent.PaymentFailed.class,
                webhooks.read(payload, sign(payload, now())).event());

        assertEquals("sub_9", failed.subscriptionId());
        assertEquals(USER, failed.userId());
    }

    @Test
    void eventsOfOtherTypesOrNotOursAreReadAsNothing() {
        String other = event("evt_4", "customer.created", "{\"id\":\"cus_1\"}");
        String notOurs = event("evt_5", "checkout.session.completed", "{\"id\":\"cs_1\",\"client_reference_id\":\"x\"}");

        assertNull(webhooks.read(other, sign(other, now())).event());
        assertNull(webhooks.read(notOurs, sign(notOurs, now())).event());
    }

    private static String event(String id, String type, String object) {
        return "{\"id\":\"" + id + "\",\"object\":\"event\",\"type\":\"" + type + "\",\"created\":" + now()
                + ",\"data\":{\"object\":" + object + "}}";
    }

    private static String sign(String payload, long timestamp) {
        return "t=" + timestamp + ",v1=" + hmac(SECRET, timestamp + "." + payload);
    }

    private static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }
}
