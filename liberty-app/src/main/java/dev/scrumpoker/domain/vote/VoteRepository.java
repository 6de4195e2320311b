package dev.scrumpoker.domain.vote;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Where votes are kept. A vote is durable once {@link #record} returns inside a committed transaction: the room
 * acknowledges it only then.
 */
public interface VoteRepository {

    /** Records or replaces the participant's vote in the round (one upsert). */
    void record(String roomId, int roundNumber, UUID participantId, String cardValue, Instant castAt);

    void retract(String roomId, int roundNumber, UUID participantId);

    void clear(String roomId, int roundNumber);

    /** The cards cast in a round, by participant. */
    Map<UUID, String> cardsOf(String roomId, int roundNumber);
}
