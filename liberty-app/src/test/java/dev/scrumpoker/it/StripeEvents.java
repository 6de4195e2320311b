package dev.scrumpoker.it;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe webhook deliveries as Stripe makes them: an event JSON and its {@code Stripe-Signature} header, signed
 * here with the endpoint secret the server was given (HMAC-SHA256 over "timestamp.payload"). stripe-mock does not
 * send webhooks, so the tests play Stripe's part.
 */
final class StripeEvents {

    /** This checkout's own webhook secret (scripts/lib/local-secrets.sh), as the server under test has it. */
    static final String SECRET = Server.required("stripe.webhook.secret");

    private StripeEvents() {
    }

    static String checkoutCompleted(String eventId, String userId, String tier, String subscriptionId, Instant created) {
        return event(eventId, "checkout.session.completed", created, """
                {"id":"cs_test_%s","object":"checkout.session","client_reference_id":"%s","customer":"cus_%s",
                 "subscription":"%s","metadata":{"user_id":"%s","tier":"%s"}}"""
                .formatted(eventId, userId, eventId, subscriptionId, userId, tier));
    }

    static String subscriptionEvent(String eventId, String type, String subscriptionId, String status, Instant created) {
        return event(eventId, type, created, """
                {"id":"%s","object":"subscription","status":"%s","metadata":{},
                 "items":{"data":[{"current_period_end":%d,"price":{"id":"price_pro"}}]}}"""
                .formatted(subscriptionId, status, created.plusSeconds(30L * 86_400).getEpochSecond()));
    }

    static String paymentFailed(String eventId, String subscriptionId, Instant created) {
        return event(eventId, "invoice.payment_failed", created, """
                {"id":"in_%s","object":"invoice","subscription":"%s"}""".formatted(eventId, subscriptionId));
    }

    static String event(String eventId, String type, Instant created, String object) {
        return "{\"id\":\"" + eventId + "\",\"object\":\"event\",\"type\":\"" + type + "\",\"created\":"
                + created.getEpochSecond() + ",\"livemode\":false,\"data\":{\"object\":" + object + "}}";
    }

    static String newEventId() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** The headers of a delivery signed now. */
    static Map<String, String> signed(String payload) {
        return signedAt(payload, Instant.now());
    }

    static Map<String, String> signedAt(String payload, Instant at) {
        return signedWith(SECRET, payload, at);
    }

    static Map<String, String> signedWith(String secret, String payload, Instant at) {
        long t = at.getEpochSecond();
        return Map.of("Stripe-Signature", "t=" + t + ",v1=" + hmac(secret, t + "." + payload));
    }

    private static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
