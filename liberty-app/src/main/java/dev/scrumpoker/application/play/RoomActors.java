package dev.scrumpoker.application.play;

import dev.scrumpoker.application.Unavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
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

    @Override
    public void postLater(String roomId, Consumer<RoomActor> work, long delayNanos) {
        threads.scheduler().schedule(() -> postIfHeld(roomId, work), delayNanos, TimeUnit.NANOSECONDS);
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
        onLoader(roomId, "Finding the owner of room " + roomId, "the room cannot be loaded",
                () -> records.locate(roomId, self(), view.liveNodesNow()), RoomActor::located,
                RoomActor::locateFailed);
    }

    @Override
    public void handOver(String roomId, long epoch, String to) {
        onLoader(roomId, "Handing room " + roomId + " over to " + to, "the room cannot be handed over",
                () -> records.handOver(roomId, self(), epoch, to),
                (actor, handedOver) -> actor.handedOver(epoch, to, handedOver),
                (actor, failure) -> actor.handOverFailed(epoch, failure));
    }

    /**
     * Runs a call to PostgreSQL on a loading thread and posts its outcome to the room's mailbox; an unexpected failure
     * is logged ({@code doing} says what failed) and reaches the room as {@link Unavailable}.
     */
    private <T> void onLoader(String roomId, String doing, String unavailableMessage, Supplier<T> call,
            BiConsumer<RoomActor, T> done, BiConsumer<RoomActor, Unavailable> failed) {
        threads.loaders().execute(() -> {
            try {
                T outcome = call.get();
                post(roomId, actor -> done.accept(actor, outcome));
            } catch (Unavailable unavailable) {
                post(roomId, actor -> failed.accept(actor, unavailable));
            } catch (RuntimeException unexpected) {
                LOG.log(Level.SEVERE, doing + " failed", unexpected);
                post(roomId, actor -> failed.accept(actor, new Unavailable(unavailableMessage, unexpected)));
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
