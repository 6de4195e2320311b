package dev.scrumpoker.application.play;

import dev.scrumpoker.domain.room.LiveRoom;
import java.util.Set;

/**
 * Who plays a room, as PostgreSQL records it: each room has at most one owner node and an epoch that grows with every
 * change of owner. The journal refuses writes that carry an older epoch, so an owner that was replaced (it stalled
 * past its lease, or was cut off) cannot change anything after its successor took over. Calls block on the database:
 * they run on the loading threads, never on a room's.
 */
public interface RoomRecords {

    /**
     * Takes the room for {@code node} unless a live node other than it holds it: the room's epoch goes up by one, and
     * the room is loaded as saved, with the {@code seq} of its last saved event. Throws
     * {@link dev.scrumpoker.application.Unavailable} when PostgreSQL cannot be reached.
     */
    Located locate(String roomId, String node, Set<String> liveNodes);

    /**
     * Names {@code to} as the room's owner if {@code from} still holds it at {@code epoch}; answers whether it did. The
     * caller has nothing in flight for the room, so nothing it wrote is lost; {@code to} raises the epoch when it takes
     * the room, which fences {@code from} off like any previous owner. Throws
     * {@link dev.scrumpoker.application.Unavailable} when PostgreSQL cannot be reached.
     */
    boolean handOver(String roomId, String from, long epoch, String to);

    /** Where a room is played. */
    sealed interface Located {
    }

    /** {@code node} owns the room now, at {@code epoch}; its last saved event was {@code seq}. */
    record Claimed(long epoch, long seq, LiveRoom room) implements Located {
    }

    /** Another live node owns the room. */
    record OwnedBy(String node) implements Located {
    }

    /** No such room, or it was deleted; {@code lastOwner} is the node that played it last, if any. */
    record NotFound(String lastOwner) implements Located {
    }
}
