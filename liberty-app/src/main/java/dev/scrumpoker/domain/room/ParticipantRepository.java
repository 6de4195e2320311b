package dev.scrumpoker.domain.room;

import java.util.List;

/** Where seats are read from, including those of people who left or were kicked (their ids are reused on return). */
public interface ParticipantRepository {

    List<Participant> ofRoom(String roomId);
}
