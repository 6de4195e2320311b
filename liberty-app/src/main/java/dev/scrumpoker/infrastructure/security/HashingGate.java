package dev.scrumpoker.infrastructure.security;

import dev.scrumpoker.application.Unavailable;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Lets a bounded number of password hashes run at once; the others wait their turn for a while, then are refused as
 * {@link Unavailable} (503 with {@code Retry-After}). A PBKDF2 check takes ~220 ms of one core: without a bound, a
 * burst of sign-ins from many addresses (each within its rate limit) takes every core from the rooms.
 */
final class HashingGate {

    private final Semaphore slots;
    private final long maxWaitNanos;

    HashingGate(int concurrency, Duration maxWait) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, not " + concurrency);
        }
        this.slots = new Semaphore(concurrency, true);
        this.maxWaitNanos = maxWait.toNanos();
    }

    /** Half the cores, at least one: what sign-ins may take while rooms keep the rest. */
    static int defaultConcurrency() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    <T> T run(Supplier<T> hashing) {
        boolean entered;
        try {
            entered = slots.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while waiting to check a password", interrupted);
        }
        if (!entered) {
            throw new Unavailable("too many sign-ins at once; retry shortly");
        }
        try {
            return hashing.get();
        } finally {
            slots.release();
        }
    }
}
