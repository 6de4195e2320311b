package dev.scrumpoker.domain.vote;

import java.util.Map;
import java.util.UUID;

/** Where votes are read from; the room journal writes them, in batches, before any vote is acknowledged. */
public interface VoteRepository {

    /** The cards cast in a round, by participant. */
    Map<UUID, String> cardsOf(String roomId, int roundNumber);
}
