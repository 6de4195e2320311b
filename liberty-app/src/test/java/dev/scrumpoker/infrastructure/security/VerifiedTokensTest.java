package dev.scrumpoker.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrumpoker.application.account.VerifiedCaller;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final long NOW = 1_000_000;
    private final VerifiedCaller ada = new VerifiedCaller(UUID.randomUUID(), "Ada");

    @Test
    void aRememberedTokenIsKnownUntilItsExpiry() {
        VerifiedTokens tokens = new VerifiedTokens(10);
        tokens.remember("t1", ada, NOW + 60, NOW);

        assertEquals(Optional.of(ada), tokens.find("t1", NOW + 60));
        assertEquals(Optional.empty(), tokens.find("t1", NOW + 61), "never past its expiry");
        assertEquals(0, tokens.size(), "an expired token found is dropped");
    }

    @Test
    void anUnknownTokenIsNotFound() {
        VerifiedTokens tokens = new VerifiedTokens(10);
        tokens.remember("t1", ada, NOW + 60, NOW);

        assertEquals(Optional.empty(), tokens.find("t2", NOW));
    }

    @Test
    void whenFullExpiredTokensGoFirst() {
        VerifiedTokens tokens = new VerifiedTokens(3);
        tokens.remember("old", ada, NOW - 1, NOW - 100);
        tokens.remember("a", ada, NOW + 60, NOW);
        tokens.remember("b", ada, NOW + 60, NOW);

        tokens.remember("c", ada, NOW + 60, NOW);

        assertEquals(3, tokens.size());
        assertTrue(tokens.find("a", NOW).isPresent());
        assertTrue(tokens.find("c", NOW).isPresent());
    }

    @Test
    void whenFullOfValidTokensItStartsOverRatherThanGrow() {
        VerifiedTokens tokens = new VerifiedTokens(2);
        tokens.remember("a", ada, NOW + 60, NOW);
        tokens.remember("b", ada, NOW + 60, NOW);

        tokens.remember("c", ada, NOW + 60, NOW);

        assertEquals(1, tokens.size());
        assertTrue(tokens.find("c", NOW).isPresent());
    }
}
