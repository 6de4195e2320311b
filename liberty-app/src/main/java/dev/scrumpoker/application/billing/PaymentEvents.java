package dev.scrumpoker.application.billing;

import dev.scrumpoker.domain.billing.BillingEvent;

/** The payment provider's webhook deliveries, verified and read into billing events. */
public interface PaymentEvents {

    /**
     * Verifies a delivery's signature and reads it. Throws a DomainException: VALIDATION_FAILED when the signature
     * is missing, does not match or is too old; UNAVAILABLE when this server has no webhook secret.
     */
    Delivery read(String payload, String signature);

    /** A verified event: its id (the unit of at-most-once), its type, and what it means for us (null: nothing). */
    record Delivery(String id, String type, BillingEvent event) {
    }
}
