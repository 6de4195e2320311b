package dev.scrumpoker.application.room;

import dev.scrumpoker.domain.backlog.Story;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A room's backlog as saved, for export: the stories in order, and the revealed rounds of each. */
public record BacklogExport(List<Story> stories, Map<UUID, List<Integer>> roundsByStory) {

    public BacklogExport {
        stories = List.copyOf(stories);
        roundsByStory = Map.copyOf(roundsByStory);
    }

    public List<Integer> roundsOf(UUID storyId) {
        return roundsByStory.getOrDefault(storyId, List.of());
    }
}
