package dev.scrumpoker.domain.round;

import java.util.Optional;

/** Where the rounds of play are kept: the current one of each room. History is {@link RoundHistory}. */
public interface RoundRepository {

    void start(Round round);

    Optional<Round> latest(String roomId);
}
