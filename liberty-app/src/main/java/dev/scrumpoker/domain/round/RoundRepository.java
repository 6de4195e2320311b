package dev.scrumpoker.domain.round;

import dev.scrumpoker.domain.vote.RevealedVote;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where rounds are kept: the current one of each room and the revealed history. */
public interface RoundRepository {

    void start(Round round);

    Optional<Round> latest(String roomId);

    void markRevealed(String roomId, int number, Instant revealedAt, RoundStatistics stats);

    /** Revealed rounds of a room, newest first, with numbers below {@code beforeNumber} (null: from the newest). */
    List<Round> revealed(String roomId, Integer beforeNumber, int limit);

    /** The number of the n-th newest revealed round of a room, or null when it has fewer than n. */
    Integer nthNewestRevealed(String roomId, int n);

    /** The votes of the given rounds, each with the voter's display name, by round number. */
    Map<Integer, List<RevealedVote>> votesOf(String roomId, List<Integer> roundNumbers);
}
