package dev.scrumpoker.domain.room;

import java.time.Instant;

/**
 * How the host runs the session: whether a round reveals itself once every connected voter has voted, and when the
 * countdown the host started ends (null when none runs).
 */
public record SessionFlow(boolean autoReveal, Instant countdownEndsAt) {

    public static final SessionFlow DEFAULT = new SessionFlow(false, null);
    public static final int MIN_COUNTDOWN_SECONDS = 5;
    public static final int MAX_COUNTDOWN_SECONDS = 3600;
}
