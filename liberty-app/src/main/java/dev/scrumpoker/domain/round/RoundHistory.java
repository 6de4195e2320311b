package dev.scrumpoker.domain.round;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The session history: every revealed round with its votes and statistics, as they were at the reveal. Written with
 * the reveal (by the room journal); never changed afterwards.
 */
public interface RoundHistory {

    /** A room's revealed rounds, newest first, from just after {@code after} (null: from the newest). */
    List<RoundRecord> newest(String roomId, Position after, int limit);

    /** The number of the n-th newest revealed round of a room, or null when it has fewer than n. */
    Integer nthNewest(String roomId, int n);

    /** Where a page of history ended: the last round's reveal time and number. */
    record Position(Instant revealedAt, int number) {
        public Position {
            Objects.requireNonNull(revealedAt, "revealedAt is required");
        }
    }
}
