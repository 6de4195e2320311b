package dev.scrumpoker.application;

import dev.scrumpoker.domain.room.RoomSnapshot;
import java.util.Collection;

/**
 * Delivers what happens in a room to its connections. Calls for one room come one at a time and in {@code seq}
 * order; implementations must keep that order per connection and must never block on a slow client.
 */
public interface RoomBroadcaster {

    /** Sends an event to the recipients; the copy for {@code origin} echoes {@code requestId}. */
    void broadcast(SequencedEvent event, Collection<? extends Attendee> recipients, Attendee origin, String requestId);

    /** Sends the full room state to one connection. */
    void sendState(Attendee to, RoomSnapshot snapshot, long seq, String requestId);
}
