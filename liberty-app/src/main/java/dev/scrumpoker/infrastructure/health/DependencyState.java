package dev.scrumpoker.infrastructure.health;

/**
 * What readiness says about one dependency: the outcome of its last check, made in the background, so a probe
 * answers at once whatever the dependency is doing. A check that could not be made because every pooled connection
 * is in use says nothing against the database (those connections are working) and keeps the last outcome; a state
 * nobody has refreshed for too long counts as down, because the checker itself is stuck.
 */
final class DependencyState {

    /** What one check found. */
    enum Outcome {
        UP,
        DOWN,
        /** Not checked: no pooled connection was free in time. */
        BUSY
    }

    private final long staleAfterNanos;
    private volatile boolean up;
    private volatile boolean busy;
    private volatile long checkedAtNanos;
    private volatile boolean checked;

    DependencyState(long staleAfterNanos) {
        this.staleAfterNanos = staleAfterNanos;
    }

    void record(Outcome outcome, long nowNanos) {
        busy = outcome == Outcome.BUSY;
        if (!busy) {
            up = outcome == Outcome.UP;
        }
        checkedAtNanos = nowNanos;
        checked = true;
    }

    /** Down until a first check found it up. */
    boolean isUp(long nowNanos) {
        return checked && up && nowNanos - checkedAtNanos <= staleAfterNanos;
    }

    boolean wasBusy() {
        return busy;
    }

    /** Milliseconds since the last check, or -1 before the first. */
    long checkedAgoMillis(long nowNanos) {
        return checked ? (nowNanos - checkedAtNanos) / 1_000_000 : -1;
    }
}
