package dev.scrumpoker.application.play;

import dev.scrumpoker.domain.audit.AuditAction;
import dev.scrumpoker.domain.audit.AuditEntry;
import dev.scrumpoker.domain.backlog.Story;
import dev.scrumpoker.domain.room.LiveRoom;
import dev.scrumpoker.domain.room.RoomEvent;
import dev.scrumpoker.domain.room.RoomEvent.CountdownStarted;
import dev.scrumpoker.domain.room.RoomEvent.CountdownStopped;
import dev.scrumpoker.domain.room.RoomEvent.HostChanged;
import dev.scrumpoker.domain.room.RoomEvent.InvitationRotated;
import dev.scrumpoker.domain.room.RoomEvent.ParticipantJoined;
import dev.scrumpoker.domain.room.RoomEvent.ParticipantLeft;
import dev.scrumpoker.domain.room.RoomEvent.ParticipantUnbanned;
import dev.scrumpoker.domain.room.RoomEvent.RoundReset;
import dev.scrumpoker.domain.room.RoomEvent.RoundRevealed;
import dev.scrumpoker.domain.room.RoomEvent.RoundStarted;
import dev.scrumpoker.domain.room.RoomEvent.SettingsChanged;
import dev.scrumpoker.domain.room.RoomEvent.StoriesAdded;
import dev.scrumpoker.domain.room.RoomEvent.StoryEdited;
import dev.scrumpoker.domain.room.RoomEvent.StoryEstimated;
import dev.scrumpoker.domain.room.RoomEvent.StoryMoved;
import dev.scrumpoker.domain.room.RoomEvent.StoryRemoved;
import dev.scrumpoker.domain.room.RoomEvent.VoteRecorded;
import dev.scrumpoker.domain.room.RoomEvent.VoteRetracted;
import dev.scrumpoker.domain.round.RoundRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a request's events change in PostgreSQL, with the history and audit entries they make. Presence (joins of
 * seats that are kept, disconnects) and closing are not saved here: presence lives with the connections and deletion
 * with the room.
 */
final class RoomWrites {

    private RoomWrites() {
    }

    /** The writes for {@code events}, which {@code live} has just applied; {@code actorId} is whose request it was. */
    static List<RoomWrite> of(LiveRoom live, List<RoomEvent> events, UUID actorId, Instant now) {
        String roomId = live.room().id();
        List<RoomWrite> writes = new ArrayList<>(events.size());
        for (RoomEvent event : events) {
            if (event instanceof ParticipantJoined joined && joined.seatChanged()) {
                writes.add(RoomWrite.SeatSaved.of(live.participant(joined.participant().id())));
            } else if (event instanceof ParticipantLeft left) {
                writes.add(RoomWrite.SeatSaved.of(live.participant(left.participantId())));
                if (left.kicked()) {
                    writes.add(audit(now, AuditAction.PARTICIPANT_KICKED, actorId, roomId,
                            live.participant(left.participantId()).userId(), Map.of()));
                }
            } else if (event instanceof HostChanged change) {
                writes.add(RoomWrite.SeatSaved.of(live.participant(change.participantId())));
                if (change.previousHostId() != null) {
                    writes.add(RoomWrite.SeatSaved.of(live.participant(change.previousHostId())));
                }
                writes.add(audit(now, AuditAction.HOST_CHANGED, actorId, roomId,
                        live.participant(change.participantId()).userId(), Map.of()));
            } else if (event instanceof ParticipantUnbanned unbanned) {
                writes.add(RoomWrite.SeatSaved.of(live.participant(unbanned.participantId())));
                writes.add(audit(now, AuditAction.PARTICIPANT_UNBANNED, actorId, roomId,
                        live.participant(unbanned.participantId()).userId(), Map.of()));
            } else if (event instanceof InvitationRotated) {
                writes.add(new RoomWrite.InvitationReplaced(roomId, live.room().inviteKey()));
                writes.add(audit(now, AuditAction.INVITATION_ROTATED, actorId, roomId, null, Map.of()));
            } else if (event instanceof VoteRecorded vote) {
                writes.add(new RoomWrite.VoteCast(roomId, vote.roundNumber(), vote.participantId(), vote.cardValue(),
                        vote.castAt()));
            } else if (event instanceof VoteRetracted retract) {
                writes.add(new RoomWrite.VoteWithdrawn(roomId, retract.roundNumber(), retract.participantId()));
            } else if (event instanceof RoundRevealed reveal) {
                writes.add(new RoomWrite.RoundClosed(new RoundRecord(live.currentRound(), reveal.votes())));
                writes.add(audit(now, AuditAction.ROUND_REVEALED, actorId, roomId, null,
                        Map.of("round", String.valueOf(reveal.roundNumber()))));
            } else if (event instanceof RoundStarted) {
                writes.add(new RoomWrite.RoundOpened(live.currentRound()));
            } else if (event instanceof SettingsChanged || event instanceof CountdownStarted
                    || event instanceof CountdownStopped) {
                writes.add(new RoomWrite.FlowSaved(roomId, live.flow()));
            } else if (event instanceof StoriesAdded added) {
                for (int i = 0; i < added.stories().size(); i++) {
                    writes.add(new RoomWrite.StorySaved(roomId, added.position() + i, added.stories().get(i)));
                }
            } else if (event instanceof StoryEdited edited) {
                writes.add(storySaved(live, edited.story().id()));
            } else if (event instanceof StoryEstimated estimated) {
                writes.add(storySaved(live, estimated.storyId()));
            } else if (event instanceof StoryMoved || event instanceof StoryRemoved) {
                if (event instanceof StoryRemoved removed) {
                    writes.add(new RoomWrite.StoryDeleted(roomId, removed.storyId()));
                }
                // Every story's place may have changed: the backlog is small, and its order changes rarely.
                List<Story> stories = live.stories();
                for (int position = 0; position < stories.size(); position++) {
                    writes.add(new RoomWrite.StorySaved(roomId, position, stories.get(position)));
                }
            } else if (event instanceof RoundReset reset) {
                writes.add(new RoomWrite.VotesCleared(roomId, reset.roundNumber()));
                writes.add(audit(now, AuditAction.ROUND_RESET, actorId, roomId, null,
                        Map.of("round", String.valueOf(reset.roundNumber()))));
            }
        }
        return writes;
    }

    /** The story as it is now, where it is now: later events of the same request may have changed it again. */
    private static RoomWrite storySaved(LiveRoom live, UUID storyId) {
        int position = live.positionOf(storyId);
        return new RoomWrite.StorySaved(live.room().id(), position, live.stories().get(position));
    }

    private static RoomWrite audit(Instant now, AuditAction action, UUID actorId, String roomId, UUID subjectId,
                                   Map<String, String> details) {
        return new RoomWrite.Audited(new AuditEntry(now, action, actorId, roomId, subjectId, details));
    }
}
