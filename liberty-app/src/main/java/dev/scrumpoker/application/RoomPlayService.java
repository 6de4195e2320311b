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
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Plays rooms: takes each request of a connection, applies it to the room under that room's own lock, saves what
 * changed and only then tells the room. Rooms run in parallel; requests on one room run one at a time, which gives
 * every room one order of events ({@code seq}).
 *
 * <p>A room is loaded from PostgreSQL when first needed and dropped from memory when nobody has been connected for
 * a while. If saving fails, the in-memory room is discarded and rebuilt from PostgreSQL on the next request, so
 * memory never runs ahead of what is stored.
 */
@ApplicationScoped
public class RoomPlayService {

    private static final Logger LOG = Logger.getLogger(RoomPlayService.class.getName());

    @Inject
    LiveRoomStore store;
    @Inject
    RoomBroadcaster broadcaster;
    @Inject
    Clock clock;

    private final ConcurrentHashMap<String, RoomHandle> handles = new ConcurrentHashMap<>();

    /** A room in memory: its state, its connections, its event counter, and the lock that serialises it. */
    private static final class RoomHandle {
        final ReentrantLock lock = new ReentrantLock();
        final Set<Attendee> attendees = ConcurrentHashMap.newKeySet();
        LiveRoom live;
        long seq;
        boolean retired;
        Instant emptySince;
    }

    /** Lets a new connection into the room, or refuses it (NOT_FOUND, FORBIDDEN) so the edge can close it. */
    public void enter(String roomId, Attendee attendee) {
        inRoom(roomId, handle -> {
            handle.live.checkEntry(attendee.userId(), attendee.inviteKey());
            handle.attendees.add(attendee);
            handle.emptySince = null;
            return null;
        });
    }

    public void join(String roomId, Attendee attendee, String displayName, Role role, String requestId) {
        inRoom(roomId, handle -> {
            if (attendee.participantId() == null) {
                List<RoomEvent> events = handle.live.join(attendee.userId(), displayName, role, clock.instant());
                save(handle, events);
                attendee.seat(handle.live.seatOf(attendee.userId()).orElseThrow().id());
                publish(handle, events, attendee, requestId);
            }
            broadcaster.sendState(attendee, handle.live.snapshotFor(attendee.participantId()), handle.seq, requestId);
            return null;
        });
    }

    public void sync(String roomId, Attendee attendee, String requestId) {
        inRoom(roomId, handle -> {
            broadcaster.sendState(attendee, handle.live.snapshotFor(seated(attendee)), handle.seq, requestId);
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

    /** A connection closed, for whatever reason. Its seat stays; the room hears when the seat's last one is gone. */
    public void disconnect(String roomId, Attendee attendee) {
        RoomHandle handle = handles.get(roomId);
        if (handle == null) {
            return;
        }
        handle.lock.lock();
        try {
            if (!handle.attendees.remove(attendee) || handle.retired) {
                return;
            }
            if (handle.attendees.isEmpty()) {
                handle.emptySince = clock.instant();
            }
            UUID participantId = attendee.participantId();
            if (participantId != null && handle.live != null) {
                publish(handle, handle.live.disconnect(participantId), attendee, null);
            }
        } finally {
            handle.lock.unlock();
        }
    }

    /** After a room was deleted: everyone connected is told, then closed (4404). */
    void closeDeletedRoom(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoomDeleted deleted) {
        RoomHandle handle = handles.get(deleted.roomId());
        if (handle == null) {
            return;
        }
        handle.lock.lock();
        try {
            publish(handle, List.of(new RoomClosed()), null, null);
            // Retired before the dismissals: closing a connection may run its disconnect() at once on this thread
            // (the lock is reentrant), and a retired room publishes nothing after room.closed.v1.
            retire(deleted.roomId(), handle);
            handle.attendees.forEach(attendee -> attendee.dismiss(Dismissal.ROOM_CLOSED));
        } finally {
            handle.lock.unlock();
        }
    }

    /** Drops rooms that nobody has been connected to for {@code idleFor}; they reload from PostgreSQL when needed. */
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

    /** Rooms held in memory. */
    public int activeRooms() {
        return handles.size();
    }

    private void act(String roomId, Attendee attendee, String requestId, Function<LiveRoom, List<RoomEvent>> command) {
        inRoom(roomId, handle -> {
            List<RoomEvent> events = command.apply(handle.live);
            save(handle, events);
            publish(handle, events, attendee, requestId);
            return null;
        });
    }

    private static UUID seated(Attendee attendee) {
        UUID participantId = attendee.participantId();
        if (participantId == null) {
            throw new DomainException(Reason.NOT_JOINED, "send room.join.v1 first");
        }
        return participantId;
    }

    private <T> T inRoom(String roomId, Function<RoomHandle, T> work) {
        while (true) {
            RoomHandle handle = handles.computeIfAbsent(roomId, id -> new RoomHandle());
            handle.lock.lock();
            try {
                if (handle.retired) {
                    continue;
                }
                if (handle.live == null) {
                    load(roomId, handle);
                }
                return work.apply(handle);
            } finally {
                handle.lock.unlock();
            }
        }
    }

    private void load(String roomId, RoomHandle handle) {
        try {
            handle.live = store.load(roomId);
        } catch (DomainException notFound) {
            retire(roomId, handle);
            throw notFound;
        } catch (RuntimeException storageFailed) {
            LOG.log(Level.WARNING, "Cannot load room " + roomId, storageFailed);
            throw new DomainException(Reason.UNAVAILABLE, "the room cannot be loaded right now; retry shortly");
        }
        for (Attendee attendee : handle.attendees) {
            if (attendee.participantId() != null) {
                handle.live.reattach(attendee.participantId());
            }
        }
    }

    private void save(RoomHandle handle, List<RoomEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try {
            store.save(handle.live, events);
        } catch (RuntimeException storageFailed) {
            LOG.log(Level.WARNING, "Cannot save events of room " + handle.live.room().id(), storageFailed);
            handle.live = null;
            throw new DomainException(Reason.UNAVAILABLE, "the change could not be saved and was not applied; retry");
        }
    }

    private void publish(RoomHandle handle, List<RoomEvent> events, Attendee origin, String requestId) {
        for (RoomEvent event : events) {
            SequencedEvent sequenced = new SequencedEvent(++handle.seq, clock.instant(), event);
            List<Attendee> recipients = new ArrayList<>(handle.attendees.size());
            for (Attendee attendee : handle.attendees) {
                if (attendee.participantId() != null && !(event instanceof ParticipantJoined && attendee == origin)) {
                    recipients.add(attendee);
                }
            }
            broadcaster.broadcast(sequenced, recipients, origin, requestId);
            if (event instanceof ParticipantLeft left) {
                unseat(handle, left);
            }
        }
    }

    /** Every connection of a seat that was given up loses it; a kicked user's connections are closed (4403). */
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

    private void retire(String roomId, RoomHandle handle) {
        handle.retired = true;
        handles.remove(roomId, handle);
    }
}
