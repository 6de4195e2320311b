package dev.scrumpoker.application.play;

import dev.scrumpoker.application.play.Attendee.Dismissal;
import dev.scrumpoker.application.play.Command.Held;
import dev.scrumpoker.application.play.Output.Answer;
import dev.scrumpoker.application.play.Output.Bulletin;
import dev.scrumpoker.application.play.Output.StateFor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * This node's connections in a room, and the delivery of what the room's owner sends them. Room events arrive in
 * {@code seq} order from one owner; each seated connection gets every event after the last state it was sent. When
 * events went missing on their way (a gap), later ones are held back and the owner is asked for the room's state;
 * events from an owner that has since been replaced (an older epoch) are dropped.
 *
 * <p>Used by one room's mailbox only: not thread-safe, and needs not be.
 */
final class RoomAudience {

    /** Events kept back while a gap is being healed; beyond this the room's state will replace them anyway. */
    private static final int MAX_HELD = 256;

    interface Listener {
        /** The node should tell the owner its connections again and have them sent the state (a gap, say). */
        void resyncNeeded();

        /** A ticket of this node was answered; false when it had been answered already (or expired). */
        boolean answered(long ticket);

        /** The room was deleted; its connections were told and are being closed. */
        void roomClosed();
    }

    private final String self;
    private final RoomFrames frames;
    private final Listener listener;
    private final Map<String, Attendee> attendees = new LinkedHashMap<>();
    /** Connections whose join is on its way to the owner. */
    private final Set<String> joining = new HashSet<>();
    private long epoch = -1;
    private long deliveredSeq = -1;
    private final TreeMap<Long, Bulletin> held = new TreeMap<>();

    RoomAudience(String self, RoomFrames frames, Listener listener) {
        this.self = self;
        this.frames = frames;
        this.listener = listener;
    }

    void add(Attendee attendee) {
        attendees.put(attendee.connectionId(), attendee);
    }

    /** Answers whether the owner may count the connection (it was seated, or its join is on its way). */
    boolean remove(Attendee attendee) {
        attendees.remove(attendee.connectionId());
        boolean joined = joining.remove(attendee.connectionId());
        return joined || attendee.participantId() != null;
    }

    void joining(Attendee attendee) {
        joining.add(attendee.connectionId());
    }

    boolean isEmpty() {
        return attendees.isEmpty();
    }

    /** Whether any connection here is (or is about to be) seated: the owner must count this node. */
    boolean hasSeats() {
        return !joining.isEmpty() || attendees.values().stream().anyMatch(a -> a.participantId() != null);
    }

    /** This node's connections, for a reattach. */
    List<Held> held() {
        List<Held> held = new ArrayList<>(attendees.size());
        for (Attendee attendee : attendees.values()) {
            held.add(new Held(attendee.connectionId(), attendee.userId(), attendee.participantId(),
                    joining.contains(attendee.connectionId())));
        }
        return held;
    }

    Attendee attendee(String connectionId) {
        return attendees.get(connectionId);
    }

    Collection<Attendee> attendees() {
        return attendees.values();
    }

    /** Delivers what an owner at {@code ownerEpoch} sent; output of an owner that has been replaced is dropped. */
    void deliver(long ownerEpoch, List<Output> outputs) {
        for (Output output : outputs) {
            if (output instanceof Answer answer) {
                // Answers come from whichever node could not pass a command on, too: no epoch applies.
                answer(answer);
                continue;
            }
            if (ownerEpoch < epoch) {
                continue;
            }
            if (ownerEpoch > epoch) {
                epoch = ownerEpoch;
            }
            if (output instanceof Bulletin bulletin) {
                receive(bulletin);
            } else if (output instanceof StateFor state) {
                state(state);
            }
        }
        // Only now: a reattach's states come together, and a connection must get its state before the events after
        // it, or it would see them after a gap (and the state after them).
        releaseHeld();
    }

    /** Whether events are held back waiting for a gap to be healed. */
    boolean isHealing() {
        return !held.isEmpty();
    }

    private void receive(Bulletin bulletin) {
        if (!anySeated()) {
            // Nobody here follows the room's order (yet): this event starts it.
            deliveredSeq = bulletin.seq() - 1;
            held.clear();
        }
        if (bulletin.seq() <= deliveredSeq) {
            answerIfOurs(bulletin);
            return;
        }
        if (bulletin.seq() > deliveredSeq + 1) {
            if (held.size() < MAX_HELD) {
                held.put(bulletin.seq(), bulletin);
            }
            if (held.size() == 1) {
                listener.resyncNeeded();
            }
            answerIfOurs(bulletin);
            return;
        }
        show(bulletin);
        releaseHeld();
    }

    private void state(StateFor state) {
        Attendee attendee = attendees.get(state.connectionId());
        boolean othersFollow = attendees.values().stream()
                .anyMatch(a -> a.participantId() != null && !a.connectionId().equals(state.connectionId()));
        if (attendee != null) {
            joining.remove(attendee.connectionId());
            attendee.seat(state.participantId());
            attendee.sendState(state.seq(), state.frame());
        }
        if (state.ticket() != 0) {
            listener.answered(state.ticket());
        }
        if (state.seq() > deliveredSeq) {
            if (othersFollow && deliveredSeq >= 0 && held.isEmpty()) {
                // The state is newer than the events the others here have had: some went missing on the way.
                listener.resyncNeeded();
            }
            deliveredSeq = Math.max(deliveredSeq, state.seq());
            held.headMap(deliveredSeq, true).clear();
        }
    }

    private void answer(Answer answer) {
        boolean first = answer.ticket() == 0 || listener.answered(answer.ticket());
        Attendee attendee = attendees.get(answer.connectionId());
        if (attendee == null || answer.reason() == null) {
            return;
        }
        if (answer.dismissal() != null) {
            joining.remove(attendee.connectionId());
            attendee.dismiss(answer.dismissal(), answer.message());
        } else if (first) {
            // A refusal that arrives twice (a resent publication) or after its ticket expired is not shown again.
            attendee.send(frames.refusal(answer.reason(), answer.message(), answer.requestId()));
        }
    }

    private void releaseHeld() {
        while (!held.isEmpty() && held.firstKey() == deliveredSeq + 1) {
            show(held.pollFirstEntry().getValue());
        }
    }

    private void show(Bulletin bulletin) {
        deliveredSeq = bulletin.seq();
        Attendee origin = bulletin.originNode() != null && bulletin.originNode().equals(self)
                ? attendees.get(bulletin.originConnection()) : null;
        for (Attendee attendee : attendees.values()) {
            if (attendee.participantId() == null) {
                continue;
            }
            if (attendee == origin) {
                // The joiner's own join is in the state it is sent; everything else is echoed with its requestId.
                if (bulletin.effect() != Output.Effect.JOINED) {
                    attendee.sendEvent(bulletin.seq(),
                            bulletin.originFrame() != null ? bulletin.originFrame() : bulletin.frame());
                }
            } else {
                attendee.sendEvent(bulletin.seq(), bulletin.frame());
            }
        }
        answerIfOurs(bulletin);
        switch (bulletin.effect()) {
            case LEFT, KICKED -> {
                for (Attendee attendee : attendees.values()) {
                    if (bulletin.subject().equals(attendee.participantId())) {
                        attendee.seat(null);
                        if (bulletin.effect() == Output.Effect.KICKED) {
                            attendee.dismiss(Dismissal.KICKED, "removed by the host");
                        }
                    }
                }
            }
            case CLOSED -> {
                attendees.values().forEach(attendee -> attendee.dismiss(Dismissal.ROOM_CLOSED, "room deleted"));
                listener.roomClosed();
            }
            default -> {
                // Nothing beyond showing it.
            }
        }
    }

    private void answerIfOurs(Bulletin bulletin) {
        if (bulletin.ticket() != 0 && self.equals(bulletin.originNode())) {
            listener.answered(bulletin.ticket());
        }
    }

    private boolean anySeated() {
        return attendees.values().stream().anyMatch(a -> a.participantId() != null);
    }

    /**
     * Sends every connection here away (the room does not exist, say); they are no longer this room's, whenever their
     * closes arrive.
     */
    void dismissAll(Dismissal why, String message) {
        attendees.values().forEach(attendee -> attendee.dismiss(why, message));
        attendees.clear();
        joining.clear();
    }
}
