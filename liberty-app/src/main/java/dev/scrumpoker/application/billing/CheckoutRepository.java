package dev.scrumpoker.application.billing;

import dev.scrumpoker.domain.account.Tier;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The checkout sessions created, by the request that asked for them (user and idempotency key). */
public interface CheckoutRepository {

    Optional<Asked> find(UUID userId, String idempotencyKey);

    /** Keeps the session unless one is kept for the same request already (a concurrent retry); either way no error. */
    void add(UUID userId, String idempotencyKey, Tier tier, PaymentGateway.CheckoutSession session, Instant at);

    /** A checkout asked for before: the tier it was for and the session it got. */
    record Asked(Tier tier, PaymentGateway.CheckoutSession session) {
    }
}
