package dev.scrumpoker.domain.billing;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Where subscriptions and the Stripe events already applied are kept. */
public interface SubscriptionRepository {

    Optional<Subscription> find(UUID userId);

    Optional<UUID> userOfSubscription(String subscriptionId);

    void save(Subscription subscription);

    /**
     * Records a Stripe event id; answers false when it was recorded before (a redelivery). Concurrent deliveries of
     * one id serialise on its row: exactly one of them gets true.
     */
    boolean firstDelivery(String eventId, String type, Instant receivedAt);
}
