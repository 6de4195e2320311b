package dev.scrumpoker.domain.room;

import java.util.List;

/** Where seats are kept, including those of people who left or were kicked (their ids are reused on return). */
public interface ParticipantRepository {

    List<Participant> ofRoom(String roomId);

    /** Inserts or updates the seat. */
    void save(Participant participant);
}
