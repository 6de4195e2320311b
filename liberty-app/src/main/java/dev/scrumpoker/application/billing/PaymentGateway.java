package dev.scrumpoker.application.billing;

import dev.scrumpoker.application.Unavailable;
import dev.scrumpoker.domain.account.Tier;
import java.util.Objects;
import java.util.UUID;

/** The payment provider, as checkout needs it: a hosted page where the user pays for a tier. */
public interface PaymentGateway {

    /**
     * Creates a checkout page for the order. The same {@code idempotencyKey} always yields the same page, however
     * often it is retried. Throws {@link Unavailable} when the provider cannot be reached.
     */
    CheckoutSession createCheckoutSession(CheckoutOrder order);

    /** {@code returnUrl}: where the provider sends the user back to, paid or not (this service's start page). */
    record CheckoutOrder(UUID userId, String email, Tier tier, String idempotencyKey, String returnUrl) {
        public CheckoutOrder {
            Objects.requireNonNull(userId, "userId is required");
            Objects.requireNonNull(tier, "tier is required");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey is required");
            Objects.requireNonNull(returnUrl, "returnUrl is required");
        }
    }

    record CheckoutSession(String id, String url) {
        public CheckoutSession {
            Objects.requireNonNull(id, "id is required");
            Objects.requireNonNull(url, "url is required");
        }
    }
}
