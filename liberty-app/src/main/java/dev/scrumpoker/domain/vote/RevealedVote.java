package dev.scrumpoker.domain.vote;

import java.util.Objects;
import java.util.UUID;

/** A vote as everyone may see it once its round is revealed. */
public record RevealedVote(UUID participantId, String displayName, String cardValue) {

    public RevealedVote {
        Objects.requireNonNull(participantId, "participantId is required");
        Objects.requireNonNull(cardValue, "cardValue is required");
    }
}
