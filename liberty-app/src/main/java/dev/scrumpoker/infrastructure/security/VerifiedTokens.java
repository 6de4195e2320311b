package dev.scrumpoker.infrastructure.security;

import dev.scrumpoker.application.account.VerifiedCaller;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens whose signature this node has already checked, with what they say and when they expire. A reconnection
 * storm presents every connection's token again within seconds; checking each RSA signature anew was a tenth of the
 * server's CPU in the storm's profile. Only a token that passed every check is kept, and never past its expiry.
 * Bounded: when full, expired entries go first, and if none have, everything goes (a miss only costs a check).
 */
final class VerifiedTokens {

    private record Verified(VerifiedCaller caller, long expiresAtEpochSecond) {
    }

    private final int capacity;
    private final Map<String, Verified> byToken = new ConcurrentHashMap<>();

    VerifiedTokens(int capacity) {
        this.capacity = capacity;
    }

    /** The caller of a token checked before, while it is still valid at {@code nowEpochSecond}. */
    Optional<VerifiedCaller> find(String token, long nowEpochSecond) {
        Verified verified = byToken.get(token);
        if (verified == null) {
            return Optional.empty();
        }
        if (verified.expiresAtEpochSecond() < nowEpochSecond) {
            byToken.remove(token, verified);
            return Optional.empty();
        }
        return Optional.of(verified.caller());
    }

    /** Keeps a token that passed every check until {@code expiresAtEpochSecond} (its expiry plus the allowed skew). */
    void remember(String token, VerifiedCaller caller, long expiresAtEpochSecond, long nowEpochSecond) {
        if (byToken.size() >= capacity) {
            byToken.values().removeIf(verified -> verified.expiresAtEpochSecond() < nowEpochSecond);
            if (byToken.size() >= capacity) {
                byToken.clear();
            }
        }
        byToken.put(token, new Verified(caller, expiresAtEpochSecond));
    }

    int size() {
        return byToken.size();
    }
}
