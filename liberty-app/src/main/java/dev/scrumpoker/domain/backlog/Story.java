package dev.scrumpoker.domain.backlog;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A story of a room's backlog. {@code estimate} is the one the team agreed on, null until then. */
public record Story(UUID id, String key, String title, String link, String description, String estimate,
                    Instant estimatedAt, Instant createdAt) {

    public Story {
        Objects.requireNonNull(id, "id is required");
        Objects.requireNonNull(title, "title is required");
        Objects.requireNonNull(createdAt, "createdAt is required");
    }

    /** A new story from a draft whose estimate, if any, was checked already. */
    static Story of(UUID id, StoryDraft draft, String checkedEstimate, Instant now) {
        return new Story(id, draft.key(), draft.title(), draft.link(), draft.description(), checkedEstimate,
                checkedEstimate == null ? null : now, now);
    }

    /** The same story with the draft's key, title, link and description; its estimate stays. */
    Story edited(StoryDraft draft) {
        return new Story(id, draft.key(), draft.title(), draft.link(), draft.description(), estimate, estimatedAt,
                createdAt);
    }

    Story estimated(String checkedEstimate, Instant at) {
        return new Story(id, key, title, link, description, checkedEstimate, checkedEstimate == null ? null : at,
                createdAt);
    }

    public boolean isEstimated() {
        return estimate != null;
    }
}
