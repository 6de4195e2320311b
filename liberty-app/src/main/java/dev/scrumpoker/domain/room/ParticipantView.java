package dev.scrumpoker.domain.room;

import java.util.UUID;

/** A seat as the room shows it to everyone: never the card, only whether one is down. */
public record ParticipantView(UUID id, String displayName, Role role, boolean host, boolean connected,
                              boolean hasVoted) {
}
