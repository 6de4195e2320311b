package dev.scrumpoker.application.limits;

/** A request over one of the service's limits: answered 429 {@code RATE_LIMITED} with {@code Retry-After}. */
public class RateLimited extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public RateLimited(String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
