package dev.scrumpoker.application;

import dev.scrumpoker.application.Attendee.Dismissal;
import dev.scrumpoker.domain.room.LiveRoom;
import dev.scrumpoker.domain.room.Role;
import dev.scrumpoker.domain.room.RoomEvent;
import dev.scrumpoker.domain.room.RoomEvent.ParticipantJoined;
import dev.scrumpoker.domain.room.RoomEvent.ParticipantLeft;
import dev.scrumpoker.domain.room.RoomEvent.RoomClosed;
import dev.scrumpoker.domain.shared.DomainException;
import dev.scrumpoker.domain.shared.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Plays rooms across the cluster. Each request of a connection takes its room's turn: the room's cluster-wide lock,
 * the room's shared state (or PostgreSQL's, when no node holds it), the domain's decision, the save to PostgreSQL,
 * and then, in one round trip to the shared store, the new state and the new events, numbered with the room's
 * next {@code seq}s. Every node, this one included, delivers the events it receives to its own connections, so all
 * participants see one order whichever node they are on.
 *
 * <p>A node keeps no room state of its own between turns: only its connections in each room and the last
 * {@code seq} it delivered there. When the shared state was lost (Redis restarted, or the node was cut off), the node
 * rebuilds its rooms from PostgreSQL, tells again which connections it holds, and sends each of them the room's
 * state ({@link #resyncAll}).
 */
@ApplicationScoped
public class RoomPlayService {

    private static final Logger LOG = Logger.getLogger(RoomPlayService.class.getName());

    @Inject
    LiveRoomStore store;
    @Inject
    SharedRooms shared;
    @Inject
    RoomBroadcaster broadcaster;
    @Inject
    LocalNode node;
    @Inject
    Clock clock;

    private final ConcurrentHashMap<String, RoomHandle> handles = new ConcurrentHashMap<>();

    /**
     * This node's part in a room: its connections there, the last {@code seq} it delivered, and a lock that lines up
     * this node's requests for the room before they compete for the cluster-wide one.
     */
    private static final class RoomHandle {
        final ReentrantLock lock = new ReentrantLock();
        final Set<Attendee> attendees = ConcurrentHashMap.newKeySet();
        final AtomicLong deliveredSeq = new AtomicLong();
        boolean retired;
        Instant emptySince;

        RoomHandle(Instant now) {
            emptySince = now;
        }

        /** Numbering goes on from the higher of the room's stored seq and the last one this node delivered. */
        long lastSeq(long storedSeq) {
            return Math.max(storedSeq, deliveredSeq.get());
        }

        Map<UUID, Integer> connectionsBySeat() {
            Map<UUID, Integer> counts = new HashMap<>();
            for (Attendee attendee : attendees) {
                if (attendee.participantId() != null) {
                    counts.merge(attendee.participantId(), 1, Integer::sum);
                }
            }
            return counts;
        }
    }

    /**
     * Lets a new connection into the room, or refuses it (NOT_FOUND, FORBIDDEN) so the edge can close it. Entering
     * only reads the room, so it needs no turn when the room's state is shared already: a reconnection storm costs
     * one Redis read per connection. (A user kicked a moment ago may get in here; their join is refused in its turn.)
     */
    public void enter(String roomId, Attendee attendee) {
        Optional<SharedRoom> shared = this.shared.read(roomId);
        if (shared.isPresent()) {
            LiveRoom.from(shared.get().state(), UUID::randomUUID).checkEntry(attendee.userId(), attendee.inviteKey());
            withHandle(roomId, handle -> admit(handle, attendee));
            return;
        }
        inRoom(roomId, turn -> {
            turn.live.checkEntry(attendee.userId(), attendee.inviteKey());
            return admit(turn.handle, attendee);
        });
    }

    public void join(String roomId, Attendee attendee, String displayName, Role role, String requestId) {
        inRoom(roomId, turn -> {
            UUID seat = attendee.participantId();
            if (seat == null) {
                List<RoomEvent> events = turn.live.join(attendee.userId(), displayName, role, clock.instant(), node.id());
                turn.save(events, attendee);
                turn.publish(events, attendee, requestId);
                turn.changed();
                seat = turn.live.seatOf(attendee.userId()).orElseThrow().id();
            }
            UUID joined = seat;
            turn.afterwards(() -> sendState(turn.live, turn.seq, attendee, joined, requestId));
            return null;
        });
    }

    /** Sends the room's state; one Redis read when the room is shared, since the state and its seq are one value. */
    public void sync(String roomId, Attendee attendee, String requestId) {
        UUID seat = seated(attendee);
        Optional<SharedRoom> shared = this.shared.read(roomId);
        if (shared.isPresent()) {
            sendState(LiveRoom.from(shared.get().state(), UUID::randomUUID), shared.get().seq(), attendee, seat, requestId);
            return;
        }
        inRoom(roomId, turn -> {
            turn.afterwards(() -> sendState(turn.live, turn.seq, attendee, seat, requestId));
            return null;
        });
    }

    public void castVote(String roomId, Attendee attendee, String cardValue, String requestId) {
        act(roomId, attendee, requestId, live -> live.castVote(seated(attendee), cardValue, clock.instant()));
    }

    public void retractVote(String roomId, Attendee attendee, String requestId) {
        act(roomId, attendee, requestId, live -> live.retractVote(seated(attendee)));
    }

    public void reveal(String roomId, Attendee attendee, String requestId) {
        act(roomId, attendee, requestId, live -> live.reveal(seated(attendee), clock.instant()));
    }

    public void startRound(String roomId, Attendee attendee, String storyTitle, String requestId) {
        act(roomId, attendee, requestId, live -> live.startRound(seated(attendee), storyTitle, clock.instant()));
    }

    public void reset(String roomId, Attendee attendee, String requestId) {
        act(roomId, attendee, requestId, live -> live.reset(seated(attendee)));
    }

    public void kick(String roomId, Attendee attendee, UUID participantId, String requestId) {
        act(roomId, attendee, requestId, live -> live.kick(seated(attendee), participantId));
    }

    public void transferHost(String roomId, Attendee attendee, UUID participantId, String requestId) {
        act(roomId, attendee, requestId, live -> live.transferHost(seated(attendee), participantId));
    }

    public void leave(String roomId, Attendee attendee, String requestId) {
        act(roomId, attendee, requestId, live -> live.leave(seated(attendee)));
    }

    /**
     * A connection closed, for whatever reason. Its seat stays; the room hears when the seat's last connection on
     * any node is gone. If the shared store cannot be reached, the connection is let go of here all the same and the
     * room's presence is put right when this node resynchronises.
     */
    public void disconnect(String roomId, Attendee attendee) {
        RoomHandle handle = handles.get(roomId);
        if (handle == null || !handle.attendees.contains(attendee)) {
            return;
        }
        if (attendee.participantId() == null) {
            withHandle(roomId, local -> forget(local, attendee));
            return;
        }
        try {
            inRoom(roomId, turn -> {
                UUID seat = attendee.participantId();
                if (forget(turn.handle, attendee) && seat != null) {
                    turn.publish(turn.live.disconnect(seat, node.id()), attendee, null);
                    turn.changed();
                }
                return null;
            });
        } catch (DomainException unavailable) {
            LOG.log(Level.FINE, "Disconnect in room " + roomId + " not shared; resync will correct presence", unavailable);
            withHandle(roomId, local -> forget(local, attendee));
        }
    }

    /** After a room was deleted: every node tells its connections, then closes them (4404). */
    void closeDeletedRoom(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoomDeleted deleted) {
        try {
            withHandle(deleted.roomId(), handle -> {
                try (SharedRooms.Lease lease = shared.lock(deleted.roomId())) {
                    closeRoom(deleted.roomId(), handle);
                }
                return null;
            });
        } catch (DomainException unavailable) {
            // The deletion is committed; this node's resync finds it in PostgreSQL and closes the room then.
            LOG.log(Level.WARNING, "Room " + deleted.roomId() + " deleted, but its connections could not be told yet",
                    unavailable);
        }
    }

    /** Drops the room's shared state and sends every node room.closed.v1, after which they close their connections. */
    private void closeRoom(String roomId, RoomHandle handle) {
        long seq = handle.lastSeq(shared.lastSeq(roomId));
        shared.forget(roomId, List.of(new RoomBulletin(roomId, seq + 1, clock.instant(), new RoomClosed(), null, null)));
    }

    /**
     * A node stopped renewing its lease: it died or was cut off. Its connections in the room are let go of, so their
     * seats show as disconnected (seats and votes stay) instead of haunting the room.
     */
    public void releaseNode(String roomId, String deadNode) {
        inRoom(roomId, turn -> {
            turn.publish(turn.live.reconcile(deadNode, Map.of()), null, null);
            turn.changed();
            return null;
        });
    }

    /**
     * The shared state may have been lost or may have missed events (Redis restarted or was out of reach): every room
     * this node has connections in is rebuilt from PostgreSQL, keeps the presence other nodes shared, gets this
     * node's connections counted again and goes on from the highest {@code seq} known; each connection is sent the
     * room's state, which replaces whatever it may have missed.
     */
    public void resyncAll() {
        for (String roomId : List.copyOf(handles.keySet())) {
            try {
                resync(roomId);
            } catch (DomainException | IllegalStateException failed) {
                LOG.log(Level.WARNING, "Cannot resynchronise room " + roomId + " yet", failed);
            }
        }
    }

    private void resync(String roomId) {
        withHandle(roomId, handle -> {
            if (handle.attendees.isEmpty()) {
                return null;
            }
            try (SharedRooms.Lease lease = shared.lock(roomId)) {
                Optional<SharedRoom> cached = shared.read(roomId);
                LiveRoom durable;
                try {
                    durable = load(roomId);
                } catch (DomainException refused) {
                    if (refused.reason() != Reason.NOT_FOUND) {
                        throw refused;
                    }
                    closeRoom(roomId, handle);
                    return null;
                }
                LiveRoom live = cached.map(room -> LiveRoom.from(
                        durable.state().withPresence(room.state().presence()), UUID::randomUUID)).orElse(durable);
                Turn turn = new Turn(handle, live, cached.map(SharedRoom::seq).orElse(shared.lastSeq(roomId)));
                turn.publish(live.reconcile(node.id(), handle.connectionsBySeat()), null, null);
                turn.changed();
                turn.afterwards(() -> sendStateToAll(handle, turn.live, turn.seq));
                turn.finish();
            }
            return null;
        });
    }

    /** What became of a room event that reached this node; gaps and duplicates are worth a meter. */
    public enum Delivery {
        /** Delivered to this node's connections in the room. */
        DELIVERED,
        /** Events before it never reached this node: its connections were sent the room's state, then this event. */
        DELIVERED_AFTER_GAP,
        /** Already delivered (published twice): dropped. */
        DUPLICATE,
        /** This node has no connection in the room. */
        NOT_HERE
    }

    /**
     * Delivers an event that a node (maybe this one) published to this node's connections in the room. Connections
     * that were sent a state at or after this event's {@code seq} already have it.
     */
    public Delivery deliver(RoomBulletin bulletin) {
        RoomHandle handle = handles.get(bulletin.roomId());
        if (handle == null) {
            return Delivery.NOT_HERE;
        }
        long previous = handle.deliveredSeq.getAndAccumulate(bulletin.seq(), Math::max);
        if (bulletin.seq() <= previous) {
            // Published twice (a write executed after its caller gave up on it): the first copy went out already.
            return Delivery.DUPLICATE;
        }
        boolean gap = previous > 0 && bulletin.seq() > previous + 1;
        if (gap) {
            healGap(bulletin.roomId(), handle);
        }
        RoomEvent event = bulletin.event();
        Attendee origin = originOf(handle, bulletin.origin());
        List<Attendee> recipients = new ArrayList<>(handle.attendees.size());
        for (Attendee attendee : handle.attendees) {
            if (attendee.participantId() != null && attendee.stateSeq() < bulletin.seq()
                    && !(event instanceof ParticipantJoined && attendee == origin)) {
                recipients.add(attendee);
            }
        }
        broadcaster.broadcast(bulletin.sequenced(), recipients, origin, bulletin.requestId());
        if (event instanceof ParticipantLeft left) {
            unseat(handle, left);
        } else if (event instanceof RoomClosed) {
            withHandle(bulletin.roomId(), local -> {
                // Retired before the dismissals: a closing connection's disconnect() must find nothing left to do.
                retire(bulletin.roomId(), local);
                local.attendees.forEach(attendee -> attendee.dismiss(Dismissal.ROOM_CLOSED));
                return null;
            });
        }
        return gap ? Delivery.DELIVERED_AFTER_GAP : Delivery.DELIVERED;
    }

    /**
     * Events went missing on their way to this node (pub/sub gives no delivery guarantee). Rather than leave every
     * connection here to notice the gap and ask for a sync, each is sent the room's current state: it reflects
     * the missing events, and the events it already reflects are then not sent again.
     */
    private void healGap(String roomId, RoomHandle handle) {
        try {
            shared.read(roomId).ifPresent(
                    room -> sendStateToAll(handle, LiveRoom.from(room.state(), UUID::randomUUID), room.seq()));
        } catch (DomainException unavailable) {
            LOG.log(Level.FINE, "Room " + roomId + " not healed; its clients resync on the gap", unavailable);
        }
    }

    /** Lets rooms this node has had no connection in for {@code idleFor} go; they come back when needed. */
    public void evictIdle(Duration idleFor) {
        Instant cutoff = clock.instant().minus(idleFor);
        handles.forEach((roomId, handle) -> {
            Instant emptySince = handle.emptySince;
            if (emptySince != null && emptySince.isBefore(cutoff) && handle.lock.tryLock()) {
                try {
                    if (handle.attendees.isEmpty() && !handle.retired) {
                        retire(roomId, handle);
                    }
                } finally {
                    handle.lock.unlock();
                }
            }
        });
    }

    /** Rooms this node has connections in (or had, recently). */
    public int activeRooms() {
        return handles.size();
    }

    /** The rooms this node has connections in, so their shared state can be kept from expiring. */
    public Set<String> roomsWithConnections() {
        Set<String> rooms = new HashSet<>();
        handles.forEach((roomId, handle) -> {
            if (!handle.attendees.isEmpty()) {
                rooms.add(roomId);
            }
        });
        return rooms;
    }

    private void act(String roomId, Attendee attendee, String requestId, Function<LiveRoom, List<RoomEvent>> command) {
        inRoom(roomId, turn -> {
            List<RoomEvent> events = command.apply(turn.live);
            turn.save(events, attendee);
            turn.publish(events, attendee, requestId);
            return null;
        });
    }

    private void sendState(LiveRoom live, long seq, Attendee attendee, UUID seat, String requestId) {
        // The floor is raised before the seat is taken: an event the state already reflects, arriving late from
        // another node, must not reach a connection that has not had its state yet.
        attendee.stateSeq(seq);
        attendee.seat(seat);
        broadcaster.sendState(attendee, live.snapshotFor(seat), seq, requestId);
    }

    /** Sends the room's state, unasked, to every seated connection this node has in the room. */
    private void sendStateToAll(RoomHandle handle, LiveRoom live, long seq) {
        for (Attendee attendee : handle.attendees) {
            UUID seat = attendee.participantId();
            if (seat != null) {
                sendState(live, seq, attendee, seat, null);
            }
        }
    }

    private static UUID seated(Attendee attendee) {
        UUID participantId = attendee.participantId();
        if (participantId == null) {
            throw new DomainException(Reason.NOT_JOINED, "send room.join.v1 first");
        }
        return participantId;
    }

    /** Runs work under this node's lock for the room, on a handle that is not retired. */
    private <T> T withHandle(String roomId, Function<RoomHandle, T> work) {
        while (true) {
            RoomHandle handle = handles.computeIfAbsent(roomId, id -> new RoomHandle(clock.instant()));
            handle.lock.lock();
            try {
                if (!handle.retired) {
                    return work.apply(handle);
                }
            } finally {
                handle.lock.unlock();
            }
        }
    }

    /** Runs work as the room's turn: both locks held, the room's state in hand, changes shared at the end. */
    private <T> T inRoom(String roomId, Function<Turn, T> work) {
        return withHandle(roomId, handle -> {
            try (SharedRooms.Lease lease = shared.lock(roomId)) {
                Turn turn = begin(roomId, handle);
                T result = work.apply(turn);
                turn.finish();
                return result;
            }
        });
    }

    private Turn begin(String roomId, RoomHandle handle) {
        Optional<SharedRoom> cached = shared.read(roomId);
        if (cached.isPresent()) {
            return new Turn(handle, LiveRoom.from(cached.get().state(), UUID::randomUUID), cached.get().seq());
        }
        Turn turn = new Turn(handle, load(roomId), shared.lastSeq(roomId));
        // Nobody shared the room: this node's connections (if any) are the only presence it can vouch for.
        turn.publish(turn.live.reconcile(node.id(), handle.connectionsBySeat()), null, null);
        turn.changed();
        return turn;
    }

    private LiveRoom load(String roomId) {
        try {
            return store.load(roomId);
        } catch (DomainException refused) {
            throw refused;
        } catch (RuntimeException storageFailed) {
            logStorageFailure("Cannot load room " + roomId, storageFailed);
            throw new DomainException(Reason.UNAVAILABLE, "the room cannot be loaded right now; retry shortly");
        }
    }

    /** The connection on this node that caused the event, if it is on this node. */
    private Attendee originOf(RoomHandle handle, RoomBulletin.Origin origin) {
        if (origin == null || !origin.node().equals(node.id())) {
            return null;
        }
        for (Attendee attendee : handle.attendees) {
            if (attendee.connectionId().equals(origin.connection())) {
                return attendee;
            }
        }
        return null;
    }

    /** Every connection here of a seat that was given up loses it; a kicked user's connections are closed (4403). */
    private static void unseat(RoomHandle handle, ParticipantLeft left) {
        for (Attendee attendee : handle.attendees) {
            if (left.participantId().equals(attendee.participantId())) {
                attendee.seat(null);
                if (left.kicked()) {
                    attendee.dismiss(Dismissal.KICKED);
                }
            }
        }
    }

    private Void admit(RoomHandle handle, Attendee attendee) {
        handle.attendees.add(attendee);
        handle.emptySince = null;
        return null;
    }

    private boolean forget(RoomHandle handle, Attendee attendee) {
        boolean removed = handle.attendees.remove(attendee);
        if (removed && handle.attendees.isEmpty()) {
            handle.emptySince = clock.instant();
        }
        return removed;
    }

    /** One line per failure while PostgreSQL is away (a log full of identical stacks helps nobody); the stack at FINE. */
    private static void logStorageFailure(String what, RuntimeException failure) {
        LOG.warning(what + ": " + failure);
        LOG.log(Level.FINE, what, failure);
    }

    private void retire(String roomId, RoomHandle handle) {
        handle.retired = true;
        handles.remove(roomId, handle);
    }

    /**
     * One request's turn at a room: the room as shared, the events it produced (numbered from the room's last
     * {@code seq}), and what to do once they are shared.
     */
    private final class Turn {
        final RoomHandle handle;
        final LiveRoom live;
        /** The room's seq as stored when the turn began: the write is refused if it changed meanwhile. */
        final long storedSeq;
        long seq;
        private final List<RoomBulletin> bulletins = new ArrayList<>();
        private final List<Runnable> afterwards = new ArrayList<>();
        private boolean changed;

        Turn(RoomHandle handle, LiveRoom live, long storedSeq) {
            this.handle = handle;
            this.live = live;
            this.storedSeq = storedSeq;
            this.seq = handle.lastSeq(storedSeq);
        }

        /** Saves the events of the actor's request to PostgreSQL: all of them or, if this throws, none. */
        void save(List<RoomEvent> events, Attendee actor) {
            if (events.isEmpty()) {
                return;
            }
            try {
                store.save(live, events, actor.userId());
            } catch (RuntimeException storageFailed) {
                logStorageFailure("Cannot save events of room " + live.room().id(), storageFailed);
                throw new DomainException(Reason.UNAVAILABLE, "the change could not be saved and was not applied; retry");
            }
        }

        void publish(List<RoomEvent> events, Attendee origin, String requestId) {
            Instant now = clock.instant();
            RoomBulletin.Origin from = origin == null ? null : new RoomBulletin.Origin(node.id(), origin.connectionId());
            for (RoomEvent event : events) {
                bulletins.add(new RoomBulletin(live.room().id(), ++seq, now, event, from, requestId));
                changed = true;
            }
        }

        /** The room's state changed without an event (presence of a further tab, say): it must be shared too. */
        void changed() {
            changed = true;
        }

        void afterwards(Runnable action) {
            afterwards.add(action);
        }

        void finish() {
            if (changed) {
                try {
                    shared.write(new SharedRoom(live.state(), seq), storedSeq, bulletins);
                } catch (DomainException unavailable) {
                    dropSharedState();
                    throw unavailable;
                }
            }
            afterwards.forEach(Runnable::run);
        }

        /** PostgreSQL may have a change the shared state lacks: dropping it makes the next turn start from PostgreSQL. */
        private void dropSharedState() {
            try {
                shared.forget(live.room().id(), List.of());
            } catch (DomainException stillUnavailable) {
                LOG.log(Level.FINE, "Shared state of room " + live.room().id() + " left to the resync", stillUnavailable);
            }
        }
    }
}
