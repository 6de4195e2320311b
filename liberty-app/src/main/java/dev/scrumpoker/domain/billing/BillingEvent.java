package dev.scrumpoker.domain.billing;

import dev.scrumpoker.domain.account.Tier;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What a Stripe event says about a subscription, once verified and read. {@code createdAt} is Stripe's creation time
 * of the event: events may arrive late and out of order, and an older one must not undo a newer one.
 * {@code userId} comes from the metadata we put on the checkout; it may be absent on events of subscriptions that
 * were not created through us, which are then found by their subscription id.
 */
public sealed interface BillingEvent {

    Instant createdAt();

    /** The user, from our checkout's metadata; null when the event does not carry it. */
    UUID userId();

    /** Stripe's subscription id; null only when Stripe has not created the subscription yet. */
    String subscriptionId();

    /** checkout.session.completed: the user paid; the subscription exists. */
    record CheckoutCompleted(Instant createdAt, UUID userId, Tier tier, String customerId, String subscriptionId)
            implements BillingEvent {
        public CheckoutCompleted {
            Objects.requireNonNull(createdAt, "createdAt is required");
            Objects.requireNonNull(userId, "userId is required");
            Objects.requireNonNull(tier, "tier is required");
        }
    }

    /** customer.subscription.updated: a new status, plan or period. {@code tier} is null when the plan is not ours. */
    record SubscriptionUpdated(Instant createdAt, UUID userId, String subscriptionId, Tier tier, String status,
                               Instant currentPeriodEnd) implements BillingEvent {
        public SubscriptionUpdated {
            Objects.requireNonNull(createdAt, "createdAt is required");
            Objects.requireNonNull(subscriptionId, "subscriptionId is required");
            Objects.requireNonNull(status, "status is required");
        }
    }

    /** customer.subscription.deleted: the subscription ended. */
    record SubscriptionDeleted(Instant createdAt, UUID userId, String subscriptionId) implements BillingEvent {
        public SubscriptionDeleted {
            Objects.requireNonNull(createdAt, "createdAt is required");
            Objects.requireNonNull(subscriptionId, "subscriptionId is required");
        }
    }

    /** invoice.payment_failed: a renewal was not paid; Stripe retries, the user keeps the tier meanwhile. */
    record PaymentFailed(Instant createdAt, UUID userId, String subscriptionId) implements BillingEvent {
        public PaymentFailed {
            Objects.requireNonNull(createdAt, "createdAt is required");
            Objects.requireNonNull(subscriptionId, "subscriptionId is required");
        }
    }
}
