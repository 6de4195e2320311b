package dev.scrumpoker.application.play;

import java.util.UUID;

/**
 * One connection to a room, as the application sees it; the WebSocket edge implements it. Sending never blocks:
 * frames are queued on the connection and go out in the order they were queued.
 */
public interface Attendee {

    /** Names the connection among this node's connections. */
    String connectionId();

    String roomId();

    UUID userId();

    /** The invitation the connection presented, or null. */
    String inviteKey();

    /** The seat this connection sits in, or null before it joined and after it left. */
    UUID participantId();

    void seat(UUID participantId);

    /** The {@code seq} of the last room state sent to this connection: events up to it are already in that state. */
    long stateSeq();

    /** Queues a room event, unless the last room state sent here already reflects it ({@code seq <= stateSeq}). */
    void sendEvent(long seq, String frame);

    /** Queues a room state at {@code seq}; events up to it are not sent afterwards. */
    void sendState(long seq, String frame);

    /** Queues a reply to this connection alone (an error). */
    void send(String frame);

    /** Closes the connection once everything already queued has gone out. */
    void dismiss(Dismissal why, String message);

    enum Dismissal {
        /** Removed from the room by its host. */
        KICKED,
        /** The room was deleted. */
        ROOM_CLOSED,
        /** Not allowed in: banned, or not invited to an invite-only room. */
        NOT_ALLOWED,
        /** No such room. */
        NO_SUCH_ROOM,
        /** The room cannot be reached right now; the client may come back. */
        UNAVAILABLE
    }
}
