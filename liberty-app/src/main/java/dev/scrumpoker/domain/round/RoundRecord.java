package dev.scrumpoker.domain.round;

import dev.scrumpoker.domain.vote.RevealedVote;
import java.util.List;

/** A revealed round with its votes, as history shows it. */
public record RoundRecord(Round round, List<RevealedVote> votes) {

    public RoundRecord {
        votes = List.copyOf(votes);
    }
}
