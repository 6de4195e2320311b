package dev.scrumpoker.loadtest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The waits here have a deadline a minute away and must end within seconds: only a wake-up ends them that early.
 */
class SignalTest {

    private static final Duration WOKEN = Duration.ofSeconds(5);
    private final Signal signal = new Signal();

    private static long aMinuteFromNow() {
        return System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    }

    @Test
    void theExpectedFramesWakeTheWaiter() {
        AtomicInteger arrived = new AtomicInteger();
        signal.expect(3);
        Thread frames = new Thread(() -> {
            for (int frame = 0; frame < 3; frame++) {
                arrived.incrementAndGet();
                signal.changed();
            }
        });
        frames.start();

        assertTimeoutPreemptively(WOKEN, () -> assertTrue(signal.await(() -> arrived.get() == 3, aMinuteFromNow())));
    }

    @Test
    void anAlarmWakesTheWaiterBeforeTheFramesCame() {
        AtomicBoolean failed = new AtomicBoolean();
        signal.expect(100);
        Thread failure = new Thread(() -> {
            failed.set(true);
            signal.alarm();
        });
        failure.start();

        assertTimeoutPreemptively(WOKEN, () -> assertTrue(signal.await(failed::get, aMinuteFromNow())));
    }

    @Test
    void aCountNotMetDoesNotDelayTheNextWait() throws InterruptedException {
        signal.expect(100);
        assertFalse(signal.await(() -> false, System.nanoTime()), "the deadline passed");

        AtomicBoolean replied = new AtomicBoolean();
        Thread reply = new Thread(() -> {
            replied.set(true);
            signal.changed();
        });
        reply.start();

        assertTimeoutPreemptively(WOKEN, () -> assertTrue(signal.await(replied::get, aMinuteFromNow())));
    }
}
