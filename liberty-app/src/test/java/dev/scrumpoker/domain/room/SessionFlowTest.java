package dev.scrumpoker.domain.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scrumpoker.domain.backlog.Backlog;
import dev.scrumpoker.domain.room.RoomEvent.CountdownStarted;
import dev.scrumpoker.domain.room.RoomEvent.CountdownStopped;
import dev.scrumpoker.domain.room.RoomEvent.ParticipantJoined;
import dev.scrumpoker.domain.room.RoomEvent.RoundRevealed;
import dev.scrumpoker.domain.room.RoomEvent.SettingsChanged;
import dev.scrumpoker.domain.room.RoomEvent.VoteRecorded;
import dev.scrumpoker.domain.round.Round;
import dev.scrumpoker.domain.shared.DomainException;
import dev.scrumpoker.domain.shared.Reason;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Auto-reveal and the host's countdown, as the room applies them. */
class SessionFlowTest {

    private static final String NODE = "node-a";
    private final Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private LiveRoom live;
    private UUID host;
    private UUID voter;
    private UUID observer;

    @BeforeEach
    void setUp() {
        Room room = new Room("Sprint 9", Deck.of(DeckType.FIBONACCI, null), Privacy.PUBLIC, UUID.randomUUID(), now);
        live = LiveRoom.restore(room, List.of(), new Round(room.id(), 1, null, null, now, null, null), Map.of(),
                SessionFlow.DEFAULT, new Backlog(List.of(), 50), UUID::randomUUID);
        host = join("Hana", Role.VOTER);
        voter = join("Vic", Role.VOTER);
        observer = join("Olga", Role.OBSERVER);
    }

    private UUID join(String name, Role role) {
        List<RoomEvent> events = live.join(UUID.randomUUID(), name, role, now, NODE);
        return assertInstanceOf(ParticipantJoined.class, events.get(0)).participant().id();
    }

    @Test
    void withAutoRevealTheLastVoterRevealsTheRoundObserversNotCounted() {
        assertEquals(List.of(new SettingsChanged(true)), live.changeSettings(host, true, now));

        assertEquals(1, live.castVote(host, "5", now).size(), "one voter still to vote");
        List<RoomEvent> last = live.castVote(voter, "8", now);

        assertInstanceOf(VoteRecorded.class, last.get(0));
        RoundRevealed revealed = assertInstanceOf(RoundRevealed.class, last.get(1));
        assertEquals(2, revealed.votes().size());
        assertEquals(new SessionFlow(true, null), live.flow());
    }

    @Test
    void aVoterWhoseConnectionDroppedDoesNotHoldTheRevealUp() {
        live.changeSettings(host, true, now);
        live.disconnect(voter, NODE);

        assertInstanceOf(RoundRevealed.class, live.castVote(host, "3", now).get(1));
    }

    @Test
    void turningAutoRevealOnWhenEveryoneVotedRevealsAtOnce() {
        live.castVote(host, "3", now);
        live.castVote(voter, "3", now);

        List<RoomEvent> events = live.changeSettings(host, true, now);

        assertInstanceOf(RoundRevealed.class, events.get(1));
        assertEquals(1, live.changeSettings(host, false, now).size(), "turning it off reveals nothing");
    }

    @Test
    void aCountdownEndsForEveryoneAtOneMomentAndStopsWithTheRound() {
        assertEquals(List.of(new CountdownStarted(now.plusSeconds(60), 60)), live.startCountdown(host, 60, now));
        assertEquals(now.plusSeconds(60), live.snapshotFor(voter).flow().countdownEndsAt());

        List<RoomEvent> reveal = live.reveal(host, now);
        assertEquals(new CountdownStopped(), reveal.get(1), "a revealed round has nothing left to count");

        live.startCountdown(host, 30, now);
        assertEquals(new CountdownStopped(), live.startRound(host, null, null, now).get(1));
        assertEquals(1, live.startRound(host, null, null, now).size(), "no countdown ran: nothing to stop");
    }

    @Test
    void onlyTheHostRunsTheSessionWithinBounds() {
        for (Runnable refused : List.<Runnable>of(() -> live.changeSettings(voter, true, now),
                () -> live.startCountdown(observer, 60, now), () -> live.stopCountdown(voter))) {
            assertEquals(Reason.FORBIDDEN, assertThrows(DomainException.class, refused::run).reason());
        }
        assertEquals(Reason.VALIDATION_FAILED,
                assertThrows(DomainException.class, () -> live.startCountdown(host, 4, now)).reason());
        assertEquals(Reason.VALIDATION_FAILED,
                assertThrows(DomainException.class, () -> live.startCountdown(host, 3601, now)).reason());
        assertEquals(Reason.VALIDATION_FAILED, assertThrows(DomainException.class, () -> live.stopCountdown(host))
                .reason(), "no countdown runs");
    }
}
