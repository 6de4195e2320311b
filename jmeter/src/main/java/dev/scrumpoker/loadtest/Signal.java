package dev.scrumpoker.loadtest;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Wakes a room's JMeter thread when one of its connections received something. Times are taken when frames
 * arrive, not when the waiting thread wakes, so waking late never inflates a measurement.
 *
 * <p>A step that knows how many frames it waits for says so first ({@link #expect}): its thread is then woken once,
 * when that many have arrived, instead of once per frame. At {@code voting-fast} rates a wake-up per frame (ten
 * thousand a second) cost the generator a third of its CPU in thread switches and condition checks, on the cores
 * the server under test needs. A failure ({@link #alarm}) always wakes the thread, since the frames it would have
 * waited for will not come.
 */
final class Signal {

    private final AtomicInteger framesToCome = new AtomicInteger();

    /** The next wait is for about this many awaited frames; until they have arrived, frames wake nobody. */
    void expect(int frames) {
        framesToCome.set(frames);
    }

    /** A frame some wait may be waiting for arrived. */
    void changed() {
        if (framesToCome.decrementAndGet() <= 0) {
            wake();
        }
    }

    /** A connection closed, failed or was refused something: the waiting thread decides now. */
    void alarm() {
        wake();
    }

    private synchronized void wake() {
        notifyAll();
    }

    /**
     * Waits until the condition holds; false if it still does not at the deadline. Afterwards every frame wakes
     * the thread again until the next {@link #expect}, so a count that was not met never delays a later wait.
     */
    synchronized boolean await(BooleanSupplier condition, long deadlineNanos) throws InterruptedException {
        try {
            while (!condition.getAsBoolean()) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000), 0);
            }
            return true;
        } finally {
            framesToCome.set(0);
        }
    }
}
