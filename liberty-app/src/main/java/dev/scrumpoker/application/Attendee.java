package dev.scrumpoker.application;

import java.util.UUID;

/** One connection to a room, as the application sees it; the WebSocket edge implements it. */
public interface Attendee {

    /** Names the connection among this node's connections. */
    String connectionId();

    UUID userId();

    /** The invitation the connection presented, or null. */
    String inviteKey();

    /** The seat this connection sits in, or null before it joined and after it left. */
    UUID participantId();

    void seat(UUID participantId);

    /** The {@code seq} of the last room state sent to this connection: events up to it are already in that state. */
    long stateSeq();

    void stateSeq(long seq);

    /** Closes the connection once everything already sent to it has gone out. */
    void dismiss(Dismissal why);

    enum Dismissal {
        KICKED,
        ROOM_CLOSED
    }
}
