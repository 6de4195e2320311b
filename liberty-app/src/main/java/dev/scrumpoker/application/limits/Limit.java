package dev.scrumpoker.application.limits;

import java.time.Duration;

/**
 * At most {@code permits} uses per {@code window} for one key (a client address, an account). Windows are fixed
 * (they start at multiples of their length), so a refusal can say exactly when the next use is allowed.
 */
public record Limit(String name, int permits, Duration window) {

    public Limit {
        if (permits < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a limit needs at least one permit and a window: " + name);
        }
    }
}
