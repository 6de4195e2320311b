package dev.scrumpoker.application.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrumpoker.application.play.Output.Bulletin;
import dev.scrumpoker.application.play.Output.Effect;
import dev.scrumpoker.application.play.Output.StateFor;
import dev.scrumpoker.domain.room.RoomEvent;
import dev.scrumpoker.domain.room.RoomSnapshot;
import dev.scrumpoker.domain.shared.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Delivery on a node that does not own the room: events in seq order, and how a gap is healed. */
class RoomAudienceTest {

    private static final long EPOCH = 1;

    private final List<String> resyncs = new ArrayList<>();
    private RoomAudience audience;
    private FakeAttendee ada;
    private FakeAttendee bea;

    @BeforeEach
    void seatTwoConnections() {
        audience = new RoomAudience("node-b", new NoFrames(), new RoomAudience.Listener() {
            @Override
            public void resyncNeeded() {
                resyncs.add("resync");
            }

            @Override
            public boolean answered(long ticket) {
                return true;
            }

            @Override
            public void roomClosed() {
                // Not in these tests.
            }
        });
        ada = new FakeAttendee("c-ada");
        bea = new FakeAttendee("c-bea");
        audience.add(ada);
        audience.add(bea);
        audience.deliver(EPOCH, List.of(state(10, ada), state(10, bea)));
        ada.seen.clear();
        bea.seen.clear();
    }

    @Test
    void eventsInOrderReachEverySeatedConnection() {
        audience.deliver(EPOCH, List.of(event(11), event(12)));

        assertEquals(List.of("event 11", "event 12"), ada.seen);
        assertEquals(List.of("event 11", "event 12"), bea.seen);
        assertTrue(resyncs.isEmpty());
    }

    @Test
    void aGapHoldsLaterEventsBackAndAsksForTheStateOnce() {
        audience.deliver(EPOCH, List.of(event(12)));
        audience.deliver(EPOCH, List.of(event(13)));

        assertTrue(ada.seen.isEmpty(), "nothing after a missing event is shown");
        assertTrue(audience.isHealing());
        assertEquals(1, resyncs.size());
    }

    @Test
    void theReattachsStatesAllGoOutBeforeTheHeldEvents() {
        audience.deliver(EPOCH, List.of(event(12), event(13)));

        // The owner answers the reattach with a state for each connection here, in one message.
        audience.deliver(EPOCH, List.of(state(12, ada), state(12, bea)));

        assertEquals(List.of("state 12", "event 13"), ada.seen);
        assertEquals(List.of("state 12", "event 13"), bea.seen, "no event before this connection's own state");
        assertFalse(audience.isHealing());
    }

    @Test
    void aStateOlderThanTheGapLeavesItOpen() {
        audience.deliver(EPOCH, List.of(event(13)));
        audience.deliver(EPOCH, List.of(state(11, ada), state(11, bea)));

        assertEquals(List.of("state 11"), ada.seen);
        assertTrue(audience.isHealing(), "event 12 is still missing: 13 waits");
    }

    @Test
    void eventsOfAReplacedOwnerAreDropped() {
        audience.deliver(EPOCH + 1, List.of(event(11)));
        audience.deliver(EPOCH, List.of(event(12)));

        assertEquals(List.of("event 11"), ada.seen);
    }

    private static Bulletin event(long seq) {
        return new Bulletin(seq, "event " + seq, Effect.NONE, null, "node-a", "c-other", 0, null);
    }

    private static StateFor state(long seq, FakeAttendee attendee) {
        return new StateFor(seq, attendee.connectionId(), attendee.seat, "state " + seq, 0);
    }

    /** A connection that records what it was sent, with the same filtering by state as the real one. */
    private static final class FakeAttendee implements Attendee {

        final List<String> seen = new ArrayList<>();
        private final String connectionId;
        private UUID seat = UUID.randomUUID();
        private long stateSeq = -1;

        FakeAttendee(String connectionId) {
            this.connectionId = connectionId;
        }

        @Override
        public String connectionId() {
            return connectionId;
        }

        @Override
        public String roomId() {
            return "room";
        }

        @Override
        public UUID userId() {
            return null;
        }

        @Override
        public String inviteKey() {
            return null;
        }

        @Override
        public UUID participantId() {
            return seat;
        }

        @Override
        public void seat(UUID participantId) {
            seat = participantId;
        }

        @Override
        public long stateSeq() {
            return stateSeq;
        }

        @Override
        public void sendEvent(long seq, String frame) {
            if (seq > stateSeq) {
                seen.add(frame);
            }
        }

        @Override
        public void sendState(long seq, String frame) {
            stateSeq = Math.max(stateSeq, seq);
            seen.add(frame);
        }

        @Override
        public void send(String frame) {
            seen.add(frame);
        }

        @Override
        public void dismiss(Dismissal why, String message) {
            seen.add("dismissed " + why);
        }
    }

    /** Frames are made by the owner in these tests; the audience only encodes refusals. */
    private static final class NoFrames implements RoomFrames {

        @Override
        public String event(long seq, Instant at, RoomEvent event, String requestId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String state(RoomSnapshot snapshot, long seq, String requestId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String refusal(Reason reason, String message, String requestId) {
            return "refusal " + reason;
        }
    }
}
