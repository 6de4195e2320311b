package dev.scrumpoker.application;

import dev.scrumpoker.domain.shared.DomainException;
import dev.scrumpoker.domain.shared.Reason;
import java.util.List;
import java.util.Optional;

/**
 * What every node of the cluster shares about the rooms being played: a lock per room, the room's state with its
 * last {@code seq}, and the channel that carries room events to every node. PostgreSQL stays the source of truth;
 * this is the cache in front of it and the order of events. Implementations fail with
 * {@link dev.scrumpoker.domain.shared.DomainException} ({@code UNAVAILABLE}) when the shared store cannot be reached.
 */
public interface SharedRooms {

    /** Takes the room's cluster-wide lock, waiting a bounded time; closing the lease releases it. */
    Lease lock(String roomId);

    /** The room's shared state, or empty when no node holds it (never played, expired, or lost with Redis). */
    Optional<SharedRoom> read(String roomId);

    /**
     * The last {@code seq} given out in the room, kept apart from the state and longer than it: when the state is
     * gone (dropped after a failed write, expired), numbering goes on from here rather than from zero.
     */
    long lastSeq(String roomId);

    /**
     * Stores the room's state and publishes its new events to every node, in one atomic step, provided the room's
     * stored seq is still {@code expectedSeq} (the one the turn started from); otherwise throws {@link Conflict}
     * and changes nothing.
     */
    void write(SharedRoom room, long expectedSeq, List<RoomBulletin> bulletins);

    /** Drops the room's state (it was deleted, or may be stale) and publishes the last events; its seq stays. */
    void forget(String roomId, List<RoomBulletin> bulletins);

    /** Another turn changed the room since this one read it: its lease ran out, or a late write got in first. */
    final class Conflict extends DomainException {
        public Conflict(String roomId, long expectedSeq) {
            super(Reason.UNAVAILABLE, "room " + roomId + " changed under this request (expected seq " + expectedSeq
                    + "); retry");
        }
    }

    /** A held room lock. */
    interface Lease extends AutoCloseable {
        @Override
        void close();
    }
}
