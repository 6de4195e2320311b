package dev.scrumpoker.interfaces.websocket;

import dev.scrumpoker.domain.room.ParticipantView;
import dev.scrumpoker.domain.room.RemovedSeat;
import dev.scrumpoker.interfaces.representation.RoomRepresentation;
import dev.scrumpoker.interfaces.representation.StatsRepresentation;
import dev.scrumpoker.interfaces.representation.StoryRepresentation;
import dev.scrumpoker.interfaces.representation.VoteRepresentation;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.UUID;

/** The JSON shapes of server frames (CONTRACT.md, WebSocket section). */
public final class Payloads {

    private Payloads() {
    }

    /** The envelope of every server frame; {@code requestId} and {@code seq} are left out when they do not apply. */
    @JsonbPropertyOrder({"type", "requestId", "seq", "ts", "payload"})
    public record Frame(String type, @JsonbNillable(false) String requestId, @JsonbNillable(false) Long seq, long ts,
                        Object payload) {
    }

    public record Participant(ParticipantView participant) {
    }

    public record ParticipantId(UUID participantId) {
    }

    public record ParticipantLeft(UUID participantId, String reason) {
    }

    public record RoundVote(UUID participantId, int roundNumber) {
    }

    public record RoundNumber(int roundNumber) {
    }

    @JsonbPropertyOrder({"roundNumber", "storyTitle", "storyId"})
    public record RoundStarted(int roundNumber, String storyTitle, UUID storyId) {
    }

    public record StoriesAdded(List<StoryRepresentation> stories, int position) {
    }

    public record StoryEdited(StoryRepresentation story) {
    }

    public record StoryId(UUID storyId) {
    }

    public record StoryMoved(UUID storyId, int position) {
    }

    public record StoryEstimated(UUID storyId, String estimate, Integer roundNumber) {
    }

    public record Settings(boolean autoReveal) {
    }

    /** {@code endsAt}: server time, epoch milliseconds (compare with the frame's {@code ts}). */
    public record Countdown(long endsAt, Integer seconds) {
    }

    /** How far the backlog got; its stories are read from {@code GET /rooms/{id}/stories}. */
    public record BacklogProgress(int total, int estimated) {
    }

    public record RoundRevealed(int roundNumber, List<VoteRepresentation> votes, StatsRepresentation stats) {
    }

    public record Error(String code, String message) {
    }

    @JsonbPropertyOrder({"number", "storyTitle", "revealed", "storyId"})
    public record RoundState(int number, String storyTitle, boolean revealed, UUID storyId) {
    }

    public record You(UUID participantId, String cardValue) {
    }

    /** {@code removed}: the banned seats, in the owner's copy only (left out of everyone else's). */
    @JsonbPropertyOrder({"room", "round", "participants", "you", "revealedVotes", "stats", "seq", "backlog", "settings",
            "countdown", "removed"})
    public record RoomState(RoomRepresentation room, RoundState round, List<ParticipantView> participants, You you,
                            List<VoteRepresentation> revealedVotes, StatsRepresentation stats, long seq,
                            BacklogProgress backlog, Settings settings, Countdown countdown,
                            @JsonbNillable(false) List<RemovedSeat> removed) {
    }
}
