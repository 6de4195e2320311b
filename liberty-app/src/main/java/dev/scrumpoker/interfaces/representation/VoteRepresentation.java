package dev.scrumpoker.interfaces.representation;

import dev.scrumpoker.domain.vote.RevealedVote;
import java.util.List;
import java.util.UUID;

/** A revealed vote as the API shows it. */
public record VoteRepresentation(UUID participantId, String displayName, String cardValue) {

    public static List<VoteRepresentation> of(List<RevealedVote> votes) {
        return votes == null ? null : votes.stream()
                .map(v -> new VoteRepresentation(v.participantId(), v.displayName(), v.cardValue())).toList();
    }
}
