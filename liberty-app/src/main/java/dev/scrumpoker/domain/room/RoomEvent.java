package dev.scrumpoker.domain.room;

import dev.scrumpoker.domain.backlog.Story;
import dev.scrumpoker.domain.round.RoundStatistics;
import dev.scrumpoker.domain.vote.RevealedVote;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Something that happened in a room that its participants are told about, in order. */
public sealed interface RoomEvent {

    /** A seat was taken or a disconnected seat came back; {@code seatChanged} when the seat itself must be saved. */
    record ParticipantJoined(ParticipantView participant, boolean seatChanged) implements RoomEvent {
    }

    /** A seat was given up, or taken away by the host ({@code kicked}). */
    record ParticipantLeft(UUID participantId, boolean kicked) implements RoomEvent {
    }

    /** The last connection of a seat dropped; the seat and its vote stay. */
    record ParticipantDisconnected(UUID participantId) implements RoomEvent {
    }

    record VoteRecorded(UUID participantId, int roundNumber, String cardValue, Instant castAt) implements RoomEvent {
    }

    record VoteRetracted(UUID participantId, int roundNumber) implements RoomEvent {
    }

    record RoundRevealed(int roundNumber, List<RevealedVote> votes, RoundStatistics stats, Instant revealedAt)
            implements RoomEvent {
        public RoundRevealed {
            votes = List.copyOf(votes);
        }
    }

    /** {@code storyId} is the backlog story the round estimates, null for a round without one. */
    record RoundStarted(int roundNumber, UUID storyId, String storyTitle, Instant startedAt) implements RoomEvent {
    }

    record RoundReset(int roundNumber) implements RoomEvent {
    }

    /** {@code previousHostId} is null when nobody hosted (the owner reclaimed a room whose host had gone). */
    record HostChanged(UUID participantId, UUID previousHostId) implements RoomEvent {
    }

    /** The owner let a removed participant come back. */
    record ParticipantUnbanned(UUID participantId) implements RoomEvent {
    }

    /** The room's invitation changed; the new key is the owner's to hand out, so the event does not carry it. */
    record InvitationRotated() implements RoomEvent {
    }

    record RoomClosed() implements RoomEvent {
    }

    /** The host turned auto-reveal on or off. */
    record SettingsChanged(boolean autoReveal) implements RoomEvent {
    }

    /** The host started a countdown of {@code seconds}, ending at {@code endsAt} (server time). */
    record CountdownStarted(Instant endsAt, int seconds) implements RoomEvent {
    }

    /** The countdown was stopped: by the host, or because the round was revealed or a new one started. */
    record CountdownStopped() implements RoomEvent {
    }

    /** Stories were added to the backlog, in order, the first at {@code position} (0 is first). */
    record StoriesAdded(List<Story> stories, int position) implements RoomEvent {
        public StoriesAdded {
            stories = List.copyOf(stories);
        }
    }

    /** A story's key, title, link or description changed. */
    record StoryEdited(Story story) implements RoomEvent {
    }

    record StoryRemoved(UUID storyId) implements RoomEvent {
    }

    /** A story moved to {@code position}; the others kept their order. */
    record StoryMoved(UUID storyId, int position) implements RoomEvent {
    }

    /**
     * The team's agreed estimate of a story, or null when the host cleared it. {@code roundNumber} is the round it came
     * from when the story was the revealed round's, else null.
     */
    record StoryEstimated(UUID storyId, String estimate, Integer roundNumber) implements RoomEvent {
    }
}
