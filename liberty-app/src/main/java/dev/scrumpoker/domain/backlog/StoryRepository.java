package dev.scrumpoker.domain.backlog;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The backlogs as saved. The room's owner writes them (through its journal, with the rest of the room's changes);
 * this side only reads, for the export.
 */
public interface StoryRepository {

    /** The room's stories in the host's order. */
    List<Story> ofRoom(String roomId);

    /** For each story of the room that was voted on: the numbers of its revealed rounds, oldest first. */
    Map<UUID, List<Integer>> revealedRounds(String roomId);
}
