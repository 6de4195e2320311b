package dev.scrumpoker.domain.room;

import dev.scrumpoker.domain.round.RoundStatistics;
import dev.scrumpoker.domain.vote.RevealedVote;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Everything a {@link LiveRoom} knows, as an immutable value: the durable part (room, seats, current round, votes)
 * and presence (connections per seat per node). It is what nodes share so that any of them can play the room.
 * Votes keep the order in which they were cast.
 */
public record LiveRoomState(Room room, List<Participant> seats, int roundNumber, String storyTitle, boolean revealed,
                            Map<UUID, String> votes, List<RevealedVote> revealedVotes, RoundStatistics stats,
                            Map<UUID, Map<String, Integer>> presence) {

    public LiveRoomState {
        Objects.requireNonNull(room, "room is required");
        seats = List.copyOf(seats);
        votes = Collections.unmodifiableMap(new LinkedHashMap<>(votes));
        revealedVotes = revealedVotes == null ? null : List.copyOf(revealedVotes);
        presence = Map.copyOf(presence);
    }

    /** The same room with another presence: the durable part from one source, who is connected from another. */
    public LiveRoomState withPresence(Map<UUID, Map<String, Integer>> otherPresence) {
        return new LiveRoomState(room, seats, roundNumber, storyTitle, revealed, votes, revealedVotes, stats,
                otherPresence);
    }
}
