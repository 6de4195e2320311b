package dev.scrumpoker.application.limits;

/** Whether a use is within its limit and, if not, how many whole seconds until its window ends. */
public record Admission(boolean allowed, long retryAfterSeconds) {

    public static final Admission ALLOWED = new Admission(true, 0);

    public static Admission refused(long retryAfterSeconds) {
        return new Admission(false, Math.max(1, retryAfterSeconds));
    }
}
