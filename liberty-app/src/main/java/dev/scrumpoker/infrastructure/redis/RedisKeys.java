package dev.scrumpoker.infrastructure.redis;

/**
 * The names of everything Scrum Poker keeps in Redis, in one place. Per-room keys carry the room id in a hash tag
 * ({@code {…}}) so that a Redis Cluster keeps a room's keys in one slot.
 */
final class RedisKeys {

    private static final String PREFIX = "scrum-poker:";
    /** The one channel of room events: every node subscribes to it once and delivers to its own connections. */
    static final String ROOM_EVENTS = PREFIX + "room-events";
    /** The nodes that have been seen, live or dead: the reaper looks here for leases that ran out. */
    static final String NODES = PREFIX + "nodes";

    private RedisKeys() {
    }

    static String roomState(String roomId) {
        return PREFIX + "room:{" + roomId + "}:state";
    }

    static String roomSeq(String roomId) {
        return PREFIX + "room:{" + roomId + "}:seq";
    }

    static String roomLock(String roomId) {
        return PREFIX + "room:{" + roomId + "}:lock";
    }

    /** Exists while the node is alive: it renews the key's expiry on every heartbeat. */
    static String nodeLease(String nodeId) {
        return PREFIX + "node:" + nodeId + ":lease";
    }

    /** The rooms the node has written presence to, so the rooms of a dead node can be found. */
    static String nodeRooms(String nodeId) {
        return PREFIX + "node:" + nodeId + ":rooms";
    }
}
