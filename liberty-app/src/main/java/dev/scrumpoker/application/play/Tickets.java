package dev.scrumpoker.application.play;

import dev.scrumpoker.domain.shared.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client messages this node passed to a room's owner and has not seen answered yet. An answer (an event echoing
 * the request, a state, an error) closes the ticket; one that never comes (its owner died, a message was lost
 * between nodes) is answered {@code UNAVAILABLE} after {@link #PATIENCE_NANOS}, so no client waits forever.
 */
@ApplicationScoped
public class Tickets {

    static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(10);

    @Inject
    RoomFrames frames;
    @Inject
    PlayMetrics metrics;

    private final AtomicLong serial = new AtomicLong();
    private final ConcurrentHashMap<Long, Pending> pending = new ConcurrentHashMap<>();

    private record Pending(Attendee attendee, String requestId, boolean vote, long startedNanos) {
    }

    long open(Attendee attendee, String requestId, boolean vote) {
        long ticket = serial.incrementAndGet();
        pending.put(ticket, new Pending(attendee, requestId, vote, System.nanoTime()));
        return ticket;
    }

    /** Closes the ticket; false when it was closed already (answered twice, or expired). */
    boolean answered(long ticket) {
        Pending answered = pending.remove(ticket);
        if (answered == null) {
            return false;
        }
        if (answered.vote()) {
            metrics.voteAcknowledged(System.nanoTime() - answered.startedNanos());
        }
        return true;
    }

    /** Answers a ticket {@code UNAVAILABLE} at once: its command is known not to have reached the room's owner. */
    void refuse(long ticket, String message) {
        Pending refused = pending.remove(ticket);
        if (refused != null) {
            refused.attendee().send(frames.refusal(Reason.UNAVAILABLE, message, refused.requestId()));
        }
    }

    /** Answers the tickets that waited too long, and forgets those of connections that are gone. */
    void expire(long now) {
        pending.forEach((ticket, waiting) -> {
            if (now - waiting.startedNanos() > PATIENCE_NANOS && pending.remove(ticket, waiting)) {
                metrics.ticketExpired();
                waiting.attendee().send(frames.refusal(Reason.UNAVAILABLE,
                        "no answer from the room's owner in time; sync the room and retry", waiting.requestId()));
            }
        });
    }

    int size() {
        return pending.size();
    }
}
