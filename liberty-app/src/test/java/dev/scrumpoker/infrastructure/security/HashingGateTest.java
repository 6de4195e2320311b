package dev.scrumpoker.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrumpoker.application.Unavailable;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HashingGateTest {

    @Test
    void aHashOverTheBoundWaitsItsTurnThenIsRefused() throws Exception {
        HashingGate gate = new HashingGate(1, Duration.ofMillis(50));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> gate.run(() -> {
            inside.countDown();
            awaitQuietly(finish);
            return "first";
        }));
        assertTrue(inside.await(10, TimeUnit.SECONDS));

        Unavailable refused = assertThrows(Unavailable.class, () -> gate.run(() -> "second"));

        assertTrue(refused.getMessage().contains("too many sign-ins"), refused.getMessage());
        finish.countDown();
        assertEquals("first", first.get(10, TimeUnit.SECONDS));
        assertEquals("third", gate.run(() -> "third"), "the slot is free again once the first hash is done");
    }

    @Test
    void aFailingHashGivesItsSlotBack() {
        HashingGate gate = new HashingGate(1, Duration.ofMillis(50));
        assertThrows(IllegalStateException.class, () -> gate.run(() -> {
            throw new IllegalStateException("no such algorithm");
        }));
        assertEquals("next", gate.run(() -> "next"));
    }

    @Test
    void atLeastOneHashAtATime() {
        assertTrue(HashingGate.defaultConcurrency() >= 1);
        assertThrows(IllegalArgumentException.class, () -> new HashingGate(0, Duration.ofSeconds(1)));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
