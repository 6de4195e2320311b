package dev.scrumpoker.interfaces.websocket;

import dev.scrumpoker.domain.room.RoomEvent;
import dev.scrumpoker.domain.room.RoomEvent.CountdownStarted;
import dev.scrumpoker.domain.room.RoomEvent.CountdownStopped;
import dev.scrumpoker.domain.room.RoomEvent.HostChanged;
import dev.scrumpoker.domain.room.RoomEvent.InvitationRotated;
import dev.scrumpoker.domain.room.RoomEvent.ParticipantDisconnected;
import dev.scrumpoker.domain.room.RoomEvent.ParticipantJoined;
import dev.scrumpoker.domain.room.RoomEvent.ParticipantLeft;
import dev.scrumpoker.domain.room.RoomEvent.ParticipantUnbanned;
import dev.scrumpoker.domain.room.RoomEvent.RoomClosed;
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
import dev.scrumpoker.domain.room.RoomSnapshot;
import dev.scrumpoker.interfaces.representation.JsonFormat;
import dev.scrumpoker.interfaces.representation.RoomRepresentation;
import dev.scrumpoker.interfaces.representation.StatsRepresentation;
import dev.scrumpoker.interfaces.representation.StoryRepresentation;
import dev.scrumpoker.interfaces.representation.VoteRepresentation;
import java.time.Instant;
import java.util.Map;

/** Writes server frames as JSON text. */
final class FrameEncoder {

    private FrameEncoder() {
    }

    static String event(long seq, Instant at, RoomEvent event, String requestId) {
        return encode(new Payloads.Frame(typeOf(event), requestId, seq, at.toEpochMilli(), payload(event)));
    }

    static String state(RoomSnapshot snapshot, long seq, String publicUrl, String requestId, long ts) {
        Payloads.RoomState state = new Payloads.RoomState(
                RoomRepresentation.of(snapshot.room(), null, publicUrl),
                new Payloads.RoundState(snapshot.roundNumber(), snapshot.storyTitle(), snapshot.revealed(),
                        snapshot.storyId()),
                snapshot.participants(),
                new Payloads.You(snapshot.viewerId(), snapshot.viewerCard()),
                VoteRepresentation.of(snapshot.revealedVotes()),
                StatsRepresentation.of(snapshot.stats()),
                seq,
                new Payloads.BacklogProgress(snapshot.stories(), snapshot.storiesEstimated()),
                new Payloads.Settings(snapshot.flow().autoReveal()),
                snapshot.flow().countdownEndsAt() == null ? null
                        : new Payloads.Countdown(snapshot.flow().countdownEndsAt().toEpochMilli(), null),
                snapshot.removed());
        return encode(new Payloads.Frame("room.state.v1", requestId, seq, ts, state));
    }

    static String pong(String requestId, long ts) {
        return encode(new Payloads.Frame("pong.v1", requestId, null, ts, Map.of()));
    }

    static String error(String code, String message, String requestId, long ts) {
        return encode(new Payloads.Frame("error.v1", requestId, null, ts, new Payloads.Error(code, message)));
    }

    static String typeOf(RoomEvent event) {
        if (event instanceof ParticipantJoined) {
            return "participant.joined.v1";
        } else if (event instanceof ParticipantLeft) {
            return "participant.left.v1";
        } else if (event instanceof ParticipantDisconnected) {
            return "participant.disconnected.v1";
        } else if (event instanceof VoteRecorded) {
            return "vote.recorded.v1";
        } else if (event instanceof VoteRetracted) {
            return "vote.retracted.v1";
        } else if (event instanceof RoundRevealed) {
            return "round.revealed.v1";
        } else if (event instanceof RoundStarted) {
            return "round.started.v1";
        } else if (event instanceof RoundReset) {
            return "round.reset.v1";
        } else if (event instanceof HostChanged) {
            return "host.changed.v1";
        } else if (event instanceof RoomClosed) {
            return "room.closed.v1";
        } else if (event instanceof ParticipantUnbanned) {
            return "participant.unbanned.v1";
        } else if (event instanceof InvitationRotated) {
            return "invite.rotated.v1";
        } else if (event instanceof SettingsChanged) {
            return "settings.changed.v1";
        } else if (event instanceof CountdownStarted) {
            return "countdown.started.v1";
        } else if (event instanceof CountdownStopped) {
            return "countdown.stopped.v1";
        } else if (event instanceof StoriesAdded) {
            return "stories.added.v1";
        } else if (event instanceof StoryEdited) {
            return "story.edited.v1";
        } else if (event instanceof StoryRemoved) {
            return "story.removed.v1";
        } else if (event instanceof StoryMoved) {
            return "story.moved.v1";
        } else if (event instanceof StoryEstimated) {
            return "story.estimated.v1";
        }
        throw new IllegalArgumentException("no frame type for " + event);
    }

    /** Votes are never in a frame before the reveal: vote.recorded.v1 says who, not what. */
    private static Object payload(RoomEvent event) {
        if (event instanceof ParticipantJoined joined) {
            return new Payloads.Participant(joined.participant());
        } else if (event instanceof ParticipantLeft left) {
            return new Payloads.ParticipantLeft(left.participantId(), left.kicked() ? "KICKED" : "LEFT");
        } else if (event instanceof ParticipantDisconnected disconnected) {
            return new Payloads.ParticipantId(disconnected.participantId());
        } else if (event instanceof VoteRecorded vote) {
            return new Payloads.RoundVote(vote.participantId(), vote.roundNumber());
        } else if (event instanceof VoteRetracted retract) {
            return new Payloads.RoundVote(retract.participantId(), retract.roundNumber());
        } else if (event instanceof RoundRevealed reveal) {
            return new Payloads.RoundRevealed(reveal.roundNumber(), VoteRepresentation.of(reveal.votes()),
                    StatsRepresentation.of(reveal.stats()));
        } else if (event instanceof RoundStarted start) {
            return new Payloads.RoundStarted(start.roundNumber(), start.storyTitle(), start.storyId());
        } else if (event instanceof RoundReset reset) {
            return new Payloads.RoundNumber(reset.roundNumber());
        } else if (event instanceof HostChanged change) {
            return new Payloads.ParticipantId(change.participantId());
        } else if (event instanceof ParticipantUnbanned unbanned) {
            return new Payloads.ParticipantId(unbanned.participantId());
        } else if (event instanceof SettingsChanged settings) {
            return new Payloads.Settings(settings.autoReveal());
        } else if (event instanceof CountdownStarted countdown) {
            return new Payloads.Countdown(countdown.endsAt().toEpochMilli(), countdown.seconds());
        } else if (event instanceof StoriesAdded added) {
            return new Payloads.StoriesAdded(added.stories().stream().map(StoryRepresentation::of).toList(),
                    added.position());
        } else if (event instanceof StoryEdited edited) {
            return new Payloads.StoryEdited(StoryRepresentation.of(edited.story()));
        } else if (event instanceof StoryRemoved removed) {
            return new Payloads.StoryId(removed.storyId());
        } else if (event instanceof StoryMoved moved) {
            return new Payloads.StoryMoved(moved.storyId(), moved.position());
        } else if (event instanceof StoryEstimated estimated) {
            return new Payloads.StoryEstimated(estimated.storyId(), estimated.estimate(), estimated.roundNumber());
        }
        return Map.of();
    }

    private static String encode(Payloads.Frame frame) {
        return JsonFormat.jsonb().toJson(frame);
    }
}
