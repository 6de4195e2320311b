package dev.scrumpoker.application.play;

import dev.scrumpoker.application.Unavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The rooms this node holds an actor for, and what those actors need from the node. */
@ApplicationScoped
public class RoomActors implements PlayServices {

    private static final Logger LOG = Logger.getLogger(RoomActors.class.getName());

    @Inject
    RoomRecords records;
    @Inject
    RoomJournal journal;
    @Inject
    NodeLink link;
    @Inject
    ClusterView view;
    @Inject
    RoomFrames frames;
    @Inject
    Clock clock;
    @Inject
    PlayThreads threads;
    @Inject
    PlayMetrics metrics;
    @Inject
    Tickets tickets;

    private final ConcurrentHashMap<String, RoomActor> actors = new ConcurrentHashMap<>();

    @Override
    public String self() {
        return view.self();
    }

    @Override
    public Executor rooms() {
        return threads.rooms();
    }

    @Override
    public RoomFrames frames() {
        return frames;
    }

    @Override
    public RoomJournal journal() {
        return journal;
    }

    @Override
    public NodeLink link() {
        return link;
    }

    @Override
    public ClusterView view() {
        return view;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public PlayMetrics metrics() {
        return metrics;
    }

    @Override
    public void post(String roomId, Consumer<RoomActor> work) {
        while (true) {
            RoomActor actor = actors.computeIfAbsent(roomId, id -> new RoomActor(id, this));
            if (actor.post(work)) {
                return;
            }
            // Retired in the meantime: its successor takes the work.
            actors.remove(roomId, actor);
        }
    }

    /**
     * Runs work in the room's mailbox if this node holds the room; nothing otherwise, nor when the room is let go of
     * meanwhile (unlike {@link #post}, no successor is made for it).
     */
    void postIfHeld(String roomId, Consumer<RoomActor> work) {
        RoomActor actor = actors.get(roomId);
        if (actor != null) {
            actor.post(work);
        }
    }

    /** Runs work in every held room's mailbox (a room let go of meanwhile is not brought back for it). */
    void postToAll(Consumer<RoomActor> work) {
        for (String roomId : actors.keySet()) {
            postIfHeld(roomId, work);
        }
    }

    @Override
    public void locate(String roomId) {
        threads.loaders().execute(() -> {
            try {
                RoomRecords.Located located = records.locate(roomId, self(), view.liveNodesNow());
                post(roomId, actor -> actor.located(located));
            } catch (Unavailable unavailable) {
                post(roomId, actor -> actor.locateFailed(unavailable));
            } catch (RuntimeException unexpected) {
                LOG.log(Level.SEVERE, "Finding the owner of room " + roomId + " failed", unexpected);
                post(roomId, actor -> actor.locateFailed(new Unavailable("the room cannot be loaded", unexpected)));
            }
        });
    }

    @Override
    public void handOver(String roomId, long epoch, String to) {
        threads.loaders().execute(() -> {
            try {
                boolean handedOver = records.handOver(roomId, self(), epoch, to);
                post(roomId, actor -> actor.handedOver(epoch, to, handedOver));
            } catch (Unavailable unavailable) {
                post(roomId, actor -> actor.handOverFailed(epoch, unavailable));
            } catch (RuntimeException unexpected) {
                LOG.log(Level.SEVERE, "Handing room " + roomId + " over to " + to + " failed", unexpected);
                post(roomId, actor -> actor.handOverFailed(epoch,
                        new Unavailable("the room cannot be handed over", unexpected)));
            }
        });
    }

    @Override
    public boolean answered(long ticket) {
        return tickets.answered(ticket);
    }

    @Override
    public void retire(RoomActor actor) {
        actors.remove(actor.roomId, actor);
        Queue<Consumer<RoomActor>> left = actor.retire();
        for (Consumer<RoomActor> work : left) {
            post(actor.roomId, work);
        }
    }

    int count() {
        return actors.size();
    }

    long owned() {
        return actors.values().stream().filter(RoomActor::isOwner).count();
    }

    /** The rooms this node holds an actor for, as of now. */
    Set<String> heldRoomIds() {
        return Set.copyOf(actors.keySet());
    }
}
