package dev.scrumpoker.loadtest;

/** What one measured step took and whether it did what it should. */
record Outcome(long startMillis, long elapsedNanos, boolean success, String message) {

    static Outcome ok(long startMillis, long elapsedNanos) {
        return new Outcome(startMillis, elapsedNanos, true, "OK");
    }

    static Outcome failed(long startMillis, long elapsedNanos, String message) {
        return new Outcome(startMillis, elapsedNanos, false, message);
    }
}
