package dev.scrumpoker.application;

import dev.scrumpoker.domain.room.RoomEvent;
import java.time.Instant;

/** A room event with its place in the room's one order and the server time it happened. */
public record SequencedEvent(long seq, Instant at, RoomEvent event) {
}
