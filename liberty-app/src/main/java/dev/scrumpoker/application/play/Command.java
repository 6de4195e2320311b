package dev.scrumpoker.application.play;

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

    record StartRound(String storyTitle) implements Command {
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
