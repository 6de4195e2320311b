package dev.scrumpoker.application.play;

import dev.scrumpoker.domain.audit.AuditEntry;
import dev.scrumpoker.domain.backlog.Story;
import dev.scrumpoker.domain.room.Participant;
import dev.scrumpoker.domain.room.Role;
import dev.scrumpoker.domain.room.SessionFlow;
import dev.scrumpoker.domain.round.Round;
import dev.scrumpoker.domain.round.RoundRecord;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One durable change a room's events make, as values the journal can batch with those of other rooms. */
public sealed interface RoomWrite {

    String roomId();

    /** A seat as it now is (taken, given up, host or not). */
    record SeatSaved(UUID id, String roomId, UUID userId, String displayName, Role role, boolean host, boolean seated,
                     boolean banned, Instant joinedAt) implements RoomWrite {
        static SeatSaved of(Participant seat) {
            return new SeatSaved(seat.id(), seat.roomId(), seat.userId(), seat.displayName(), seat.role(),
                    seat.isHost(), seat.isSeated(), seat.isBanned(), seat.joinedAt());
        }
    }

    record RoundOpened(Round round) implements RoomWrite {
        public RoundOpened {
            Objects.requireNonNull(round, "round is required");
        }

        @Override
        public String roomId() {
            return round.roomId();
        }
    }

    record VoteCast(String roomId, int roundNumber, UUID participantId, String cardValue, Instant castAt)
            implements RoomWrite {
    }

    record VoteWithdrawn(String roomId, int roundNumber, UUID participantId) implements RoomWrite {
    }

    record VotesCleared(String roomId, int roundNumber) implements RoomWrite {
    }

    /** A revealed round: its statistics on the round, and the round with its votes in the history. */
    record RoundClosed(RoundRecord record) implements RoomWrite {
        public RoundClosed {
            Objects.requireNonNull(record, "record is required");
        }

        @Override
        public String roomId() {
            return record.round().roomId();
        }
    }

    /** A story of the room's backlog as it now is, at its place in the order (0 is first). */
    record StorySaved(String roomId, int position, Story story) implements RoomWrite {
        public StorySaved {
            Objects.requireNonNull(story, "story is required");
        }
    }

    record StoryDeleted(String roomId, UUID storyId) implements RoomWrite {
    }

    /** How the host runs the session, as it now is. */
    record FlowSaved(String roomId, SessionFlow flow) implements RoomWrite {
        public FlowSaved {
            Objects.requireNonNull(flow, "flow is required");
        }
    }

    /** The room's invitation key was replaced. */
    record InvitationReplaced(String roomId, String inviteKey) implements RoomWrite {
    }

    record Audited(AuditEntry entry) implements RoomWrite {
        @Override
        public String roomId() {
            return entry.roomId();
        }
    }
}
