package dev.scrumpoker.domain.round;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One round of a room as history keeps it. {@code storyId} names the backlog story it estimated (null for a round
 * without one); {@code revealedAt} and {@code stats} are null until the reveal.
 */
public record Round(String roomId, int number, UUID storyId, String storyTitle, Instant startedAt, Instant revealedAt,
                    RoundStatistics stats) {

    public static final int MAX_STORY_TITLE = 200;

    public Round {
        Objects.requireNonNull(roomId, "roomId is required");
        Objects.requireNonNull(startedAt, "startedAt is required");
        if (number < 1) {
            throw new IllegalArgumentException("round numbers start at 1");
        }
    }

    public boolean isRevealed() {
        return revealedAt != null;
    }
}
