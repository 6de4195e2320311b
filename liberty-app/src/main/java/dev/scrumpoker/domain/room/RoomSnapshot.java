package dev.scrumpoker.domain.room;

import dev.scrumpoker.domain.round.RoundStatistics;
import dev.scrumpoker.domain.vote.RevealedVote;
import java.util.List;
import java.util.UUID;

/**
 * The whole state of a room as one participant may see it: the room, the current round, every seat, the viewer's
 * own card, and, once revealed, everyone's votes and the statistics. {@code removed} lists the banned seats for the
 * room's owner and is null for everyone else. Of the backlog, only how far it got: its stories are read apart (there
 * can be hundreds, and a state must fit in one frame).
 */
public record RoomSnapshot(Room room, int roundNumber, UUID storyId, String storyTitle, boolean revealed,
                           List<ParticipantView> participants, UUID viewerId, String viewerCard,
                           List<RevealedVote> revealedVotes, RoundStatistics stats, List<RemovedSeat> removed,
                           int stories, int storiesEstimated, SessionFlow flow) {
}
