package dev.scrumpoker.application;

import dev.scrumpoker.domain.room.RoomSnapshot;
import java.util.Collection;

/**
 * Delivers what happens in a room to this node's connections. Events of one room come in {@code seq} order;
 * implementations keep that order per connection, never send a connection an event its last room state already
 * reflects (see {@link Attendee#stateSeq()}), and never block on a slow client.
 */
public interface RoomBroadcaster {

    /** Sends an event to the recipients; the copy for {@code origin} echoes {@code requestId}. */
    void broadcast(SequencedEvent event, Collection<? extends Attendee> recipients, Attendee origin, String requestId);

    /** Sends the full room state to one connection. */
    void sendState(Attendee to, RoomSnapshot snapshot, long seq, String requestId);
}
