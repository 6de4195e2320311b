package dev.scrumpoker.domain.backlog;

import dev.scrumpoker.domain.shared.DomainException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A room's stories in the host's order, at most {@code capacity} of them (the room owner's plan decides). Each change
 * either is refused with a {@link DomainException} and changes nothing, or is made whole. Not thread-safe: it lives
 * inside a room, whose work is serialised.
 */
public final class Backlog {

    private final List<Story> stories;
    private final int capacity;

    public Backlog(List<Story> stories, int capacity) {
        this.stories = new ArrayList<>(stories);
        this.capacity = capacity;
    }

    public List<Story> stories() {
        return List.copyOf(stories);
    }

    public int size() {
        return stories.size();
    }

    public int estimatedCount() {
        return (int) stories.stream().filter(Story::isEstimated).count();
    }

    public Story require(UUID id) {
        return stories.get(positionOf(id));
    }

    public int positionOf(UUID id) {
        for (int i = 0; i < stories.size(); i++) {
            if (stories.get(i).id().equals(id)) {
                return i;
            }
        }
        throw DomainException.notFound("no story " + id + " in this room");
    }

    /** The first story in order that has no estimate yet. */
    public Optional<Story> nextUnestimated() {
        return stories.stream().filter(story -> !story.isEstimated()).findFirst();
    }

    /** Adds the stories at the end, in their order: all of them, or none when they would pass the capacity. */
    public List<Story> add(List<StoryDraft> drafts, List<String> checkedEstimates, Supplier<UUID> ids, Instant now) {
        if (drafts.isEmpty()) {
            throw DomainException.invalid("stories must hold at least one story");
        }
        if (stories.size() + drafts.size() > capacity) {
            throw DomainException.forbidden("this room holds at most " + capacity + " stories on its owner's plan ("
                    + stories.size() + " now); remove some, or upgrade to PRO or TEAM for more");
        }
        List<Story> added = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            added.add(Story.of(ids.get(), drafts.get(i), checkedEstimates.get(i), now));
        }
        stories.addAll(added);
        return added;
    }

    public Story edit(UUID id, StoryDraft draft) {
        Objects.requireNonNull(draft, "draft is required");
        int position = positionOf(id);
        Story edited = stories.get(position).edited(draft);
        stories.set(position, edited);
        return edited;
    }

    public void remove(UUID id) {
        stories.remove(positionOf(id));
    }

    /** Moves the story to {@code position} (0 is first); the others keep their order. */
    public void move(UUID id, int position) {
        int from = positionOf(id);
        if (position < 0 || position >= stories.size()) {
            throw DomainException.invalid("position must be 0–" + (stories.size() - 1));
        }
        stories.add(position, stories.remove(from));
    }

    /** Records (or, with null, clears) the agreed estimate, already checked against the room's cards. */
    public Story estimate(UUID id, String checkedEstimate, Instant at) {
        int position = positionOf(id);
        Story estimated = stories.get(position).estimated(checkedEstimate, at);
        stories.set(position, estimated);
        return estimated;
    }
}
