package dev.scrumpoker.loadtest;

import java.util.function.BooleanSupplier;

/**
 * Wakes a room's JMeter thread when one of its connections received something. Times are taken when frames
 * arrive, not when the waiting thread wakes, so waking late never inflates a measurement.
 */
final class Signal {

    synchronized void changed() {
        notifyAll();
    }

    /** Waits until the condition holds; false if it still does not at the deadline. */
    synchronized boolean await(BooleanSupplier condition, long deadlineNanos) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000), 0);
        }
        return true;
    }
}
