package dev.scrumpoker.domain.room;

import java.util.UUID;

/** Someone removed from a room (banned), as its owner sees them in order to let them back in. */
public record RemovedSeat(UUID participantId, String displayName) {
}
