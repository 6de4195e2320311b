package dev.scrumpoker.domain.billing;

import dev.scrumpoker.domain.account.Tier;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A user's subscription as Stripe last reported it. The tier paid for counts only while Stripe's status says the
 * subscription is in force; a failed renewal ({@code past_due}) keeps it while Stripe retries the payment.
 */
public final class Subscription {

    /** Stripe statuses under which the paid tier applies. */
    private static final Set<String> IN_FORCE = Set.of("active", "trialing", "past_due");
    /** Statuses a subscription never leaves: only a new checkout (a new subscription) brings the tier back. */
    private static final Set<String> ENDED = Set.of("canceled", "incomplete_expired");
    static final String NONE = "none";

    private final UUID userId;
    private Tier tier;
    private String status;
    private String customerId;
    private String subscriptionId;
    private Instant currentPeriodEnd;
    private Instant lastEventAt;

    public Subscription(UUID userId, Tier tier, String status, String customerId, String subscriptionId,
                        Instant currentPeriodEnd, Instant lastEventAt) {
        this.userId = Objects.requireNonNull(userId, "userId is required");
        this.tier = Objects.requireNonNull(tier, "tier is required");
        this.status = Objects.requireNonNull(status, "status is required");
        this.customerId = customerId;
        this.subscriptionId = subscriptionId;
        this.currentPeriodEnd = currentPeriodEnd;
        this.lastEventAt = Objects.requireNonNull(lastEventAt, "lastEventAt is required");
    }

    /** A user who never subscribed: the free tier. */
    public static Subscription none(UUID userId) {
        return new Subscription(userId, Tier.FREE, NONE, null, null, null, Instant.EPOCH);
    }

    /**
     * Applies what Stripe reported, unless it is stale: created before the last event applied (events arrive out
     * of order), about another subscription than the one held, or about a subscription that has ended (Stripe often
     * stamps the last failed payment and the cancellation with the same second). Answers whether it was applied.
     */
    public boolean apply(BillingEvent event) {
        if (event.createdAt().isBefore(lastEventAt)) {
            return false;
        }
        if (!(event instanceof BillingEvent.CheckoutCompleted)
                && (isAboutAnother(event.subscriptionId()) || ENDED.contains(status))) {
            return false;
        }
        if (event instanceof BillingEvent.CheckoutCompleted completed) {
            tier = completed.tier();
            status = "active";
            customerId = completed.customerId();
            subscriptionId = completed.subscriptionId();
        } else if (event instanceof BillingEvent.SubscriptionUpdated updated) {
            if (updated.tier() != null) {
                tier = updated.tier();
            }
            status = updated.status();
            subscriptionId = updated.subscriptionId();
            currentPeriodEnd = updated.currentPeriodEnd();
        } else if (event instanceof BillingEvent.SubscriptionDeleted) {
            status = "canceled";
        } else if (event instanceof BillingEvent.PaymentFailed && IN_FORCE.contains(status)) {
            status = "past_due";
        }
        lastEventAt = event.createdAt();
        return true;
    }

    private boolean isAboutAnother(String eventSubscriptionId) {
        return subscriptionId != null && !subscriptionId.equals(eventSubscriptionId);
    }

    /** The tier the user has now: the one paid for while the subscription is in force, else FREE. */
    public Tier entitledTier() {
        return IN_FORCE.contains(status) ? tier : Tier.FREE;
    }

    public UUID userId() {
        return userId;
    }

    public Tier tier() {
        return tier;
    }

    public String status() {
        return status;
    }

    public String customerId() {
        return customerId;
    }

    public String subscriptionId() {
        return subscriptionId;
    }

    public Instant currentPeriodEnd() {
        return currentPeriodEnd;
    }

    public Instant lastEventAt() {
        return lastEventAt;
    }
}
