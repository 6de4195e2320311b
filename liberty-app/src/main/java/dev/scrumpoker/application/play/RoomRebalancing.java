package dev.scrumpoker.application.play;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Moves rooms to nodes that joined the cluster. When a join is seen, the rooms this node holds then are noted; after
 * {@code cluster.rebalance.after} (a node that just started is still cold, and one that stalled and came back may
 * stall again) each of them that this node owns and that now belongs on a node that joined (and is still alive) is
 * handed over, a few rooms at a time, so the newcomer loads them at a pace it can take while the rest play on. Rooms
 * made after the join was seen stay where they were taken.
 */
@ApplicationScoped
public class RoomRebalancing {

    private static final Logger LOG = Logger.getLogger(RoomRebalancing.class.getName());
    /**
     * Rooms asked to move per tick, 50 a second: each that moves is a small PostgreSQL load on a newcomer whose JIT is
     * still cold. At 200 a second, moving 246 of 500 rooms under voting-fast put broadcast p95 at 3.7 s in the 10 s
     * around the move; at 50 a second, 0.5 s (docs/performance-benchmarks.md, "A node joins under load").
     */
    private static final int ROOMS_PER_TICK = 5;
    private static final long TICK_MILLIS = 100;

    @Inject
    RoomActors actors;
    @Inject
    ClusterView view;
    @Inject
    PlayThreads threads;
    @Inject
    @ConfigProperty(name = "cluster.rebalance.after", defaultValue = "PT30S")
    Duration after;

    /** A join seen on this node: {@code joined} may take over some of {@code rooms}. */
    private record Move(Set<String> joined, Queue<String> rooms) {
    }

    void nodesJoined(Set<String> joined) {
        Queue<String> rooms = new ArrayDeque<>(actors.heldRoomIds());
        if (rooms.isEmpty()) {
            return;
        }
        LOG.info("Nodes joined: " + joined + "; of the " + rooms.size() + " rooms held here, those that belong on them"
                + " move in " + after.toSeconds() + " s");
        Move move = new Move(Set.copyOf(joined), rooms);
        threads.scheduler().schedule(() -> step(move), after.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Asks the next few rooms to move if they belong on a node that joined, and comes back for the rest. */
    private void step(Move move) {
        try {
            Set<String> live = view.liveNodes();
            Set<String> joined = new HashSet<>(move.joined());
            joined.retainAll(live);
            if (joined.isEmpty()) {
                return;
            }
            for (int i = 0; i < ROOMS_PER_TICK && !move.rooms().isEmpty(); i++) {
                actors.postIfHeld(move.rooms().poll(), actor -> actor.nodesJoined(joined, live));
            }
            if (!move.rooms().isEmpty()) {
                threads.scheduler().schedule(() -> step(move), TICK_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException unexpected) {
            LOG.log(Level.WARNING, "Moving rooms to " + move.joined() + " failed", unexpected);
        }
    }
}
