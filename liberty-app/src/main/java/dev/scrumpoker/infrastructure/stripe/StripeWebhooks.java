package dev.scrumpoker.infrastructure.stripe;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import dev.scrumpoker.application.Unavailable;
import dev.scrumpoker.application.billing.PaymentEvents;
import dev.scrumpoker.domain.account.Tier;
import dev.scrumpoker.domain.billing.BillingEvent;
import dev.scrumpoker.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads a Stripe webhook delivery: the {@code Stripe-Signature} header is checked first (HMAC-SHA256 of timestamp
 * and payload with the endpoint's secret, compared in constant time by stripe-java, refused when older than the
 * tolerance), then the event is read with JSON-P rather than stripe-java's models, which are bound to one API
 * version: both the older and the newer places of the subscription's id and period end are understood.
 */
@ApplicationScoped
public class StripeWebhooks implements PaymentEvents {

    /** Looked up once: {@code JSON.create…} finds the provider anew on every call (a class-path scan). */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    StripeSettings settings;

    @Override
    public Delivery read(String payload, String signatureHeader) {
        String secret = settings.webhookSecret().orElseThrow(() -> new Unavailable(
                "webhooks are not configured on this server (STRIPE_WEBHOOK_SECRET)"));
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw DomainException.invalid("the Stripe-Signature header is missing");
        }
        try {
            Webhook.Signature.verifyHeader(payload, signatureHeader, secret, settings.webhookToleranceSeconds());
        } catch (SignatureVerificationException refused) {
            throw DomainException.invalid("the Stripe-Signature does not match this payload, or is too old");
        }
        JsonObject event = parse(payload);
        String type = text(event, "type").orElseThrow(() -> DomainException.invalid("the event has no type"));
        String id = text(event, "id").orElseThrow(() -> DomainException.invalid("the event has no id"));
        Instant created = Instant.ofEpochSecond(number(event, "created")
                .orElseThrow(() -> DomainException.invalid("the event has no creation time")));
        JsonObject object = object(object(event, "data"), "object");
        return new Delivery(id, type, meaning(type, created, object));
    }

    private BillingEvent meaning(String type, Instant created, JsonObject object) {
        return switch (type) {
            case "checkout.session.completed" -> checkoutCompleted(created, object);
            case "customer.subscription.updated" -> text(object, "id").map(subscriptionId ->
                    new BillingEvent.SubscriptionUpdated(created, metadataUser(object), subscriptionId,
                            tierOfSubscription(object).orElse(null), text(object, "status").orElse("unknown"),
                            periodEnd(object))).orElse(null);
            case "customer.subscription.deleted" -> text(object, "id").map(subscriptionId ->
                    new BillingEvent.SubscriptionDeleted(created, metadataUser(object), subscriptionId)).orElse(null);
            case "invoice.payment_failed" -> invoiceSubscription(object).map(subscriptionId ->
                    new BillingEvent.PaymentFailed(created, invoiceUser(object), subscriptionId)).orElse(null);
            default -> null;
        };
    }

    /**
     * Ours only when the session names a user of ours and a tier: other checkouts on the account are ignored. A
     * session completed but not paid yet (bank debits settle days later) grants nothing: the subscription's own
     * events say when it becomes active.
     */
    private static BillingEvent checkoutCompleted(Instant created, JsonObject session) {
        Optional<UUID> user = text(session, "client_reference_id").flatMap(StripeWebhooks::uuid);
        Optional<Tier> tier = text(object(session, "metadata"), "tier").flatMap(StripeWebhooks::tier);
        String payment = text(session, "payment_status").orElse("paid");
        if (user.isEmpty() || tier.isEmpty() || !Set.of("paid", "no_payment_required").contains(payment)) {
            return null;
        }
        return new BillingEvent.CheckoutCompleted(created, user.get(), tier.get(), text(session, "customer").orElse(null),
                text(session, "subscription").orElse(null));
    }

    /** The plan's price says the tier (it changes when the customer switches plans); our metadata only if not ours. */
    private Optional<Tier> tierOfSubscription(JsonObject subscription) {
        Optional<Tier> fromPrice = firstItem(subscription)
                .flatMap(item -> text(object(item, "price"), "id"))
                .flatMap(settings::tierOfPrice);
        return fromPrice.isPresent() ? fromPrice
                : text(object(subscription, "metadata"), "tier").flatMap(StripeWebhooks::tier);
    }

    /** {@code current_period_end} moved from the subscription to its items in newer API versions. */
    private static Instant periodEnd(JsonObject subscription) {
        return number(subscription, "current_period_end")
                .or(() -> firstItem(subscription).flatMap(item -> number(item, "current_period_end")))
                .map(Instant::ofEpochSecond).orElse(null);
    }

    /** The invoice's subscription: {@code subscription} in older API versions, under {@code parent} in newer. */
    private static Optional<String> invoiceSubscription(JsonObject invoice) {
        return text(invoice, "subscription")
                .or(() -> text(object(object(invoice, "parent"), "subscription_details"), "subscription"));
    }

    private static UUID invoiceUser(JsonObject invoice) {
        JsonObject details = object(invoice, "subscription_details");
        if (details.isEmpty()) {
            details = object(object(invoice, "parent"), "subscription_details");
        }
        return metadataUser(details);
    }

    private static UUID metadataUser(JsonObject object) {
        return text(object(object, "metadata"), "user_id").flatMap(StripeWebhooks::uuid).orElse(null);
    }

    private static Optional<JsonObject> firstItem(JsonObject subscription) {
        JsonValue items = object(subscription, "items").get("data");
        if (items instanceof jakarta.json.JsonArray array && !array.isEmpty()
                && array.get(0) instanceof JsonObject first) {
            return Optional.of(first);
        }
        return Optional.empty();
    }

    private static JsonObject parse(String payload) {
        try (JsonReader reader = JSON.createReader(new StringReader(payload))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException notAnObject) {
            throw DomainException.invalid("the event is not a JSON object");
        }
    }

    /** The named member if it is an object, else an empty object: absent parts read as absent, never as errors. */
    private static JsonObject object(JsonObject parent, String name) {
        return parent.get(name) instanceof JsonObject child ? child : JsonValue.EMPTY_JSON_OBJECT;
    }

    private static Optional<String> text(JsonObject parent, String name) {
        return parent.get(name) instanceof JsonString value ? Optional.of(value.getString()) : Optional.empty();
    }

    private static Optional<Long> number(JsonObject parent, String name) {
        return parent.get(name) instanceof JsonNumber value ? Optional.of(value.longValue()) : Optional.empty();
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    private static Optional<Tier> tier(String value) {
        return "PRO".equals(value) ? Optional.of(Tier.PRO) : "TEAM".equals(value) ? Optional.of(Tier.TEAM) : Optional.empty();
    }
}
