package dev.scrumpoker.application;

import dev.scrumpoker.domain.room.RoomEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * A room event on its way to every node: its place in the room's order, when it happened, and which connection
 * caused it (so that node can echo the {@code requestId} to it, or leave the joiner out of its own join).
 */
public record RoomBulletin(String roomId, long seq, Instant at, RoomEvent event, Origin origin, String requestId) {

    public RoomBulletin {
        Objects.requireNonNull(roomId, "roomId is required");
        Objects.requireNonNull(at, "at is required");
        Objects.requireNonNull(event, "event is required");
    }

    public SequencedEvent sequenced() {
        return new SequencedEvent(seq, at, event);
    }

    /** A connection, named by its node and its id on that node; null for events no connection caused. */
    public record Origin(String node, String connection) {
        public Origin {
            Objects.requireNonNull(node, "node is required");
            Objects.requireNonNull(connection, "connection is required");
        }
    }
}
