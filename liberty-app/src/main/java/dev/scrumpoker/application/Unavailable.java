package dev.scrumpoker.application;

/**
 * Something the application depends on (PostgreSQL, Redis, Stripe) could not do its part: the request changed
 * nothing and may be retried. Distinct from a {@link dev.scrumpoker.domain.shared.DomainException}, which is a rule
 * refusing the request itself.
 */
public class Unavailable extends RuntimeException {

    public Unavailable(String message, Throwable cause) {
        super(message, cause);
    }

    public Unavailable(String message) {
        super(message);
    }
}
