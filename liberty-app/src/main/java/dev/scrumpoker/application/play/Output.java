package dev.scrumpoker.application.play;

import dev.scrumpoker.application.play.Attendee.Dismissal;
import dev.scrumpoker.domain.shared.Reason;
import java.util.Objects;
import java.util.UUID;

/**
 * What a room's owner sends the nodes once the change behind it is durable: room events for every seated
 * connection, a room state for one connection, or the answer to one connection's command. Frames are encoded once,
 * by the owner; nodes pass the same text to their connections.
 */
public sealed interface Output {

    /** The node's ticket of the command this answers, or 0. */
    long ticket();

    /**
     * A room event. {@code frame} is for everyone; the connection that caused it ({@code originNode},
     * {@code originConnection}) gets {@code originFrame} (its requestId echoed) where there is one. {@code effect}
     * tells nodes what the event does to their connections beyond showing it.
     */
    record Bulletin(long seq, String frame, Effect effect, UUID subject, String originNode, String originConnection,
                    long ticket, String originFrame) implements Output {
        public Bulletin {
            Objects.requireNonNull(frame, "frame is required");
            Objects.requireNonNull(effect, "effect is required");
        }

        boolean cameFrom(String node, String connectionId) {
            return originConnection != null && originConnection.equals(connectionId) && originNode.equals(node);
        }
    }

    /** The room's state as one connection may see it, at {@code seq}; {@code participantId} is its seat or null. */
    record StateFor(long seq, String connectionId, UUID participantId, String frame, long ticket) implements Output {
        public StateFor {
            Objects.requireNonNull(connectionId, "connectionId is required");
            Objects.requireNonNull(frame, "frame is required");
        }
    }

    /**
     * The answer to a command that produced no event: let in ({@code reason} null), or refused; a refusal may also
     * end the connection ({@code dismissal}).
     */
    record Answer(String connectionId, long ticket, String requestId, Reason reason, String message,
                  Dismissal dismissal) implements Output {
        public Answer {
            Objects.requireNonNull(connectionId, "connectionId is required");
        }

        static Answer admitted(Origin origin) {
            return new Answer(origin.connectionId(), origin.ticket(), origin.requestId(), null, null, null);
        }

        static Answer refused(Origin origin, Reason reason, String message, Dismissal dismissal) {
            return new Answer(origin.connectionId(), origin.ticket(), origin.requestId(), reason, message, dismissal);
        }
    }

    /** What a room event does to the connections of a node, besides being shown to them. */
    enum Effect {
        NONE,
        /** A seat was taken or came back: the connection that joined gets its state instead. */
        JOINED,
        /** The subject's seat was given up: its connections are no longer seated. */
        LEFT,
        /** The subject was removed by the host: its connections are closed (4403). */
        KICKED,
        /** The room was deleted: every connection is closed (4404). */
        CLOSED
    }
}
