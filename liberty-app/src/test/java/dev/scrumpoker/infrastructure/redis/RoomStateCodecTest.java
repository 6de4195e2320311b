package dev.scrumpoker.infrastructure.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scrumpoker.application.RoomBulletin;
import dev.scrumpoker.application.SharedRoom;
import dev.scrumpoker.domain.room.Deck;
import dev.scrumpoker.domain.room.DeckType;
import dev.scrumpoker.domain.room.LiveRoom;
import dev.scrumpoker.domain.room.ParticipantView;
import dev.scrumpoker.domain.room.Privacy;
import dev.scrumpoker.domain.room.Role;
import dev.scrumpoker.domain.room.Room;
import dev.scrumpoker.domain.room.RoomEvent;
import dev.scrumpoker.domain.round.Round;
import dev.scrumpoker.domain.round.RoundStatistics;
import dev.scrumpoker.domain.vote.RevealedVote;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RoomStateCodecTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:15:30.123456Z");
    private static final UUID SEAT = UUID.randomUUID();

    @Test
    void aRoomStateComesBackAsItWasWritten() {
        Room room = new Room("Émoji 🎲 \"quoted\"", Deck.of(DeckType.MODIFIED_FIBONACCI, null), Privacy.INVITE_ONLY,
                UUID.randomUUID(), NOW);
        LiveRoom live = LiveRoom.restore(room, List.of(), new Round(room.id(), 1, null, NOW, null, null), Map.of(),
                UUID::randomUUID);
        UUID alice = seat(live.join(UUID.randomUUID(), "Alice", Role.VOTER, NOW, "node-a"));
        UUID bob = seat(live.join(UUID.randomUUID(), "Bob", Role.VOTER, NOW, "node-b"));
        seat(live.join(UUID.randomUUID(), "Olga", Role.OBSERVER, NOW, "node-a"));
        live.castVote(bob, "½", NOW);
        live.castVote(alice, "☕", NOW);
        live.reveal(alice, NOW);
        SharedRoom written = new SharedRoom(live.state(), 42);

        SharedRoom read = RoomStateCodec.decodeState(RoomStateCodec.encode(written));

        assertEquals(42, read.seq());
        LiveRoom copy = LiveRoom.from(read.state(), UUID::randomUUID);
        assertEquals(live.snapshotFor(alice).participants(), copy.snapshotFor(alice).participants());
        assertEquals(live.snapshotFor(alice).revealedVotes(), copy.snapshotFor(alice).revealedVotes());
        assertEquals(live.snapshotFor(alice).stats(), copy.snapshotFor(alice).stats());
        assertEquals(live.state().votes(), read.state().votes());
        assertEquals(live.state().presence(), read.state().presence());
        assertEquals(live.nodes(), copy.nodes());
        Room again = read.state().room();
        assertEquals(List.of(room.id(), room.title(), room.deck(), room.privacy(), room.ownerId(), room.inviteKey(),
                        room.createdAt()),
                List.of(again.id(), again.title(), again.deck(), again.privacy(), again.ownerId(), again.inviteKey(),
                        again.createdAt()));
    }

    static Stream<RoomEvent> everyEvent() {
        RoundStatistics stats = RoundStatistics.of(List.of("1", "2", "?"));
        return Stream.of(
                new RoomEvent.ParticipantJoined(new ParticipantView(SEAT, "Zoë", Role.VOTER, true, true, false), true),
                new RoomEvent.ParticipantLeft(SEAT, true),
                new RoomEvent.ParticipantDisconnected(SEAT),
                new RoomEvent.VoteRecorded(SEAT, 3, "13", NOW),
                new RoomEvent.VoteRetracted(SEAT, 3),
                new RoomEvent.RoundRevealed(3, List.of(new RevealedVote(SEAT, "Zoë", "1")), stats, NOW),
                new RoomEvent.RoundStarted(4, "Story <b>", NOW),
                new RoomEvent.RoundReset(4),
                new RoomEvent.HostChanged(SEAT, UUID.randomUUID()),
                new RoomEvent.RoomClosed());
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void everyRoomEventTravelsIntact(RoomEvent event) {
        RoomBulletin sent = new RoomBulletin("abcd1234", 7, NOW, event, new RoomBulletin.Origin("node-a", "x1"), "r-1");

        assertEquals(sent, RoomStateCodec.decodeBulletin(RoomStateCodec.encode(sent)));
    }

    @Test
    void aBulletinWithoutOriginTravelsToo() {
        RoomBulletin sent = new RoomBulletin("abcd1234", 8, NOW, new RoomEvent.RoomClosed(), null, null);

        assertEquals(sent, RoomStateCodec.decodeBulletin(RoomStateCodec.encode(sent)));
    }

    @Test
    void documentsOfAnotherVersionAreRefused() {
        String future = RoomStateCodec.encode(new RoomBulletin("abcd1234", 1, NOW, new RoomEvent.RoomClosed(), null, null))
                .replace("\"v\":1", "\"v\":2");

        assertThrows(IllegalArgumentException.class, () -> RoomStateCodec.decodeBulletin(future));
    }

    private static UUID seat(List<RoomEvent> joined) {
        return ((RoomEvent.ParticipantJoined) joined.get(0)).participant().id();
    }
}
