package dev.scrumpoker.application.play;

import dev.scrumpoker.domain.backlog.StoryDraft;
import dev.scrumpoker.domain.room.Role;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a room's owner is asked to do. Most come from one connection (a client message, or the connection opening or
 * closing); a few come from a node as a whole ({@link Reattach}, {@link ReleaseNode}) or from the room's deletion.
 */
public sealed interface Command {

    /** Whether the command comes from a client message that expects an answer (an event, a state or an error). */
    default boolean expectsAnswer() {
        return true;
    }

    /** A connection opened: may its user come in (not banned, invited where the room asks)? */
    record Enter(String inviteKey) implements Command {
    }

    record Join(String displayName, Role role, String inviteKey) implements Command {
        public Join {
            Objects.requireNonNull(role, "role is required");
        }
    }

    record CastVote(String cardValue) implements Command {
    }

    record RetractVote() implements Command {
    }

    record Reveal() implements Command {
    }

    /** {@code storyId} names the backlog story to estimate; both null: the backlog's next story, if any. */
    record StartRound(String storyTitle, UUID storyId) implements Command {
    }

    /** The host turns auto-reveal on or off. */
    record ChangeSettings(boolean autoReveal) implements Command {
    }

    record StartCountdown(int seconds) implements Command {
    }

    record StopCountdown() implements Command {
    }

    /** The host adds stories to the backlog (typed, or read from an imported file). */
    record AddStories(List<StoryDraft> stories) implements Command {
        public AddStories {
            stories = List.copyOf(stories);
        }
    }

    record EditStory(UUID storyId, StoryDraft story) implements Command {
        public EditStory {
            Objects.requireNonNull(storyId, "storyId is required");
            Objects.requireNonNull(story, "story is required");
        }
    }

    record RemoveStory(UUID storyId) implements Command {
        public RemoveStory {
            Objects.requireNonNull(storyId, "storyId is required");
        }
    }

    record MoveStory(UUID storyId, int position) implements Command {
        public MoveStory {
            Objects.requireNonNull(storyId, "storyId is required");
        }
    }

    /** The agreed estimate of a story ({@code storyId} null: the current round's); a null estimate clears it. */
    record EstimateStory(UUID storyId, String estimate) implements Command {
    }

    record Reset() implements Command {
    }

    record Kick(UUID participantId) implements Command {
    }

    record TransferHost(UUID participantId) implements Command {
    }

    /** The room's owner takes host. */
    record ClaimHost() implements Command {
    }

    /** The room's owner lets a removed participant back in. */
    record Unban(UUID participantId) implements Command {
    }

    /** The room's owner replaces the invitation. */
    record RotateInvitation() implements Command {
    }

    record Leave() implements Command {
    }

    record Sync() implements Command {
    }

    /** The connection closed without leaving: its seat stays, and the room hears when its last connection is gone. */
    record Detach() implements Command {
        @Override
        public boolean expectsAnswer() {
            return false;
        }
    }

    /**
     * A node tells the owner every connection it holds in the room, and wants each seated one sent the room's state:
     * after the room changed owner, after Redis was away, or when events went missing on their way to the node.
     */
    record Reattach(String node, List<Held> connections) implements Command {
        public Reattach {
            Objects.requireNonNull(node, "node is required");
            connections = List.copyOf(connections);
        }

        @Override
        public boolean expectsAnswer() {
            return false;
        }
    }

    /** One connection a node holds: its seat, or none yet ({@code joining} while its join is on its way). */
    record Held(String connectionId, UUID userId, UUID participantId, boolean joining) {
        public Held {
            Objects.requireNonNull(connectionId, "connectionId is required");
            Objects.requireNonNull(userId, "userId is required");
        }
    }

    /** A node died or was cut off: its connections are gone, their seats stay. */
    record ReleaseNode(String node) implements Command {
        public ReleaseNode {
            Objects.requireNonNull(node, "node is required");
        }

        @Override
        public boolean expectsAnswer() {
            return false;
        }
    }

    /** The room was deleted: everyone is told, then let go of. */
    record Close() implements Command {
        @Override
        public boolean expectsAnswer() {
            return false;
        }
    }
}
