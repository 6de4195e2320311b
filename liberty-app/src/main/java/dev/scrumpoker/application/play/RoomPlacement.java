package dev.scrumpoker.application.play;

import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * Which live node a room belongs on, by rendezvous (highest random weight) hashing: every node scores each room, the
 * highest score wins. Every node computes the same answer from the same set of nodes, with no shared table, and when
 * a node joins the only rooms whose answer changes are those it now wins: about one room in N moves, and only to the
 * newcomer. Used to pick the rooms an owner hands to a node that joined; taking a room stays first come, so a room is
 * played where its first connection arrived until the cluster grows.
 */
final class RoomPlacement {

    private RoomPlacement() {
    }

    /** The node the room belongs on among {@code nodes}; null when there is none. */
    static String preferred(String roomId, Collection<String> nodes) {
        long roomHash = hash(roomId);
        String best = null;
        long bestScore = 0;
        for (String node : nodes) {
            long score = mix(roomHash ^ hash(node));
            // Unsigned comparison, and the node's name breaks a tie, so the answer never depends on iteration order.
            if (best == null || Long.compareUnsigned(score, bestScore) > 0
                    || score == bestScore && node.compareTo(best) < 0) {
                best = node;
                bestScore = score;
            }
        }
        return best;
    }

    /** 64-bit FNV-1a over the UTF-8 bytes. */
    private static long hash(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** SplitMix64's finaliser: FNV's low bits alone spread poorly, this spreads every input bit over the score. */
    private static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
