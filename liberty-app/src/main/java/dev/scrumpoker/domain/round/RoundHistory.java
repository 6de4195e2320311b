package dev.scrumpoker.domain.round;

import java.util.List;

/**
 * The session history: every revealed round with its votes and statistics, as they were at the reveal. Written
 * in the reveal's transaction; never changed afterwards.
 */
public interface RoundHistory {

    void add(RoundRecord revealed);

    /** A room's revealed rounds, newest first, numbered below {@code beforeNumber} (null: from the newest). */
    List<RoundRecord> newest(String roomId, Integer beforeNumber, int limit);

    /** The number of the n-th newest revealed round of a room, or null when it has fewer than n. */
    Integer nthNewest(String roomId, int n);
}
