package dev.scrumpoker.domain.room;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where rooms are kept. Deleted rooms stay, marked; lookups that serve users skip them. */
public interface RoomRepository {

    void add(Room room);

    /** The room, deleted or not. */
    Optional<Room> find(String id);

    long countOpenOwnedBy(UUID ownerId);

    /**
     * A page of the owner's open rooms, newest first, strictly after the given position (keyset pagination).
     * {@code afterCreatedAt}/{@code afterId} are both null for the first page.
     */
    List<Room> ownedBy(UUID ownerId, Instant afterCreatedAt, String afterId, int limit);
}
