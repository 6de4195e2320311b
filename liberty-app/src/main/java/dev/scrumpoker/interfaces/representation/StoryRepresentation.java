package dev.scrumpoker.interfaces.representation;

import dev.scrumpoker.domain.backlog.Story;
import java.time.Instant;
import java.util.UUID;

/** A backlog story as the API shows it, in frames and in the REST export. */
public record StoryRepresentation(UUID id, String key, String title, String link, String description,
                                  String estimate, Instant estimatedAt) {

    public static StoryRepresentation of(Story story) {
        return new StoryRepresentation(story.id(), story.key(), story.title(), story.link(), story.description(),
                story.estimate(), story.estimatedAt());
    }
}
