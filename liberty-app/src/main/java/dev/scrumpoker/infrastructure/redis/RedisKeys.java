package dev.scrumpoker.infrastructure.redis;

/**
 * The names of everything Scrum Poker keeps in Redis, in one place. Per-node keys and channels carry the node's name
 * in a hash tag ({@code {…}}), so that on a Redis Cluster each node's lease and inbox map to one slot.
 */
final class RedisKeys {

    private static final String PREFIX = "scrum-poker:";
    /** The nodes that have been seen, live or dead: leases are looked up from here. */
    static final String NODES = PREFIX + "nodes";

    private RedisKeys() {
    }

    /** Exists while the node is alive: it renews the key's expiry on every heartbeat. */
    static String nodeLease(String nodeId) {
        return PREFIX + "node:{" + nodeId + "}:lease";
    }

    /** The node's inbox: a pub/sub channel only that node subscribes to. */
    static String nodeInbox(String nodeId) {
        return PREFIX + "node:{" + nodeId + "}:inbox";
    }

    /** Uses of one limit by one key in one fixed window; it expires after its window. */
    static String limitWindow(String limit, String key, long window) {
        return PREFIX + "limit:{" + limit + ":" + key + "}:" + window;
    }

    /** A one-time thing (a connection ticket's nonce) that was used; it expires with the thing. */
    static String used(String id) {
        return PREFIX + "used:{" + id + "}";
    }
}
