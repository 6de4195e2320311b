package dev.scrumpoker.domain.room;

import dev.scrumpoker.domain.account.Tier;
import dev.scrumpoker.domain.backlog.Backlog;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrumpoker.domain.room.RoomEvent.HostChanged;
import dev.scrumpoker.domain.room.RoomEvent.InvitationRotated;
import dev.scrumpoker.domain.room.RoomEvent.ParticipantDisconnected;
import dev.scrumpoker.domain.room.RoomEvent.ParticipantJoined;
import dev.scrumpoker.domain.room.RoomEvent.ParticipantLeft;
import dev.scrumpoker.domain.room.RoomEvent.ParticipantUnbanned;
import dev.scrumpoker.domain.room.RoomEvent.RoundReset;
import dev.scrumpoker.domain.room.RoomEvent.RoundRevealed;
import dev.scrumpoker.domain.room.RoomEvent.RoundStarted;
import dev.scrumpoker.domain.room.RoomEvent.VoteRecorded;
import dev.scrumpoker.domain.room.RoomEvent.VoteRetracted;
import dev.scrumpoker.domain.round.Round;
import dev.scrumpoker.domain.round.RoundStatistics;
import dev.scrumpoker.domain.shared.DomainException;
import dev.scrumpoker.domain.shared.Reason;
import dev.scrumpoker.domain.vote.RevealedVote;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LiveRoomTest {

    private static final String NODE = "node-a";
    private static final String OTHER_NODE = "node-b";

    private final Instant now = Instant.parse("2025-05-05T12:00:00Z");
    private final UUID ownerUser = UUID.randomUUID();
    private final UUID aliceUser = UUID.randomUUID();
    private final UUID bobUser = UUID.randomUUID();
    private final UUID carolUser = UUID.randomUUID();

    private Room room;
    private LiveRoom live;
    private UUID alice;
    private UUID bob;
    private UUID carol;

    @BeforeEach
    void setUp() {
        room = new Room("Sprint 7", Deck.of(DeckType.FIBONACCI, null), Privacy.PUBLIC, ownerUser, now);
        live = fresh(room);
    }

    private static Backlog emptyBacklog() {
        return new Backlog(List.of(), Tier.FREE.storiesPerRoom());
    }

    private LiveRoom fresh(Room r) {
        return LiveRoom.restore(r, List.of(), new Round(r.id(), 1, null, null, now, null, null), Map.of(), SessionFlow.DEFAULT, emptyBacklog(), UUID::randomUUID);
    }

    /** Alice joins first (and so hosts), then Bob, then Carol, all voters with one connection each. */
    private void seatThree() {
        alice = join(aliceUser, "Alice", Role.VOTER);
        bob = join(bobUser, "Bob", Role.VOTER);
        carol = join(carolUser, "Carol", Role.VOTER);
    }

    private UUID join(UUID user, String name, Role role) {
        ParticipantJoined joined = only(live.join(user, name, role, now, NODE), ParticipantJoined.class);
        return joined.participant().id();
    }

    private static <T extends RoomEvent> T only(List<RoomEvent> events, Class<T> type) {
        assertEquals(1, events.size(), () -> "expected exactly one event, got " + events);
        return assertInstanceOf(type, events.get(0));
    }

    private static void assertRefused(Reason reason, Executable action) {
        DomainException e = assertThrows(DomainException.class, action);
        assertEquals(reason, e.reason(), e.getMessage());
    }

    private ParticipantView seen(UUID participantId) {
        return live.snapshotFor(participantId).participants().stream()
                .filter(p -> p.id().equals(participantId))
                .findFirst()
                .orElseThrow(() -> new AssertionError(participantId + " is not in the snapshot"));
    }

    private List<UUID> seatedIds() {
        return live.snapshotFor(null).participants().stream().map(ParticipantView::id).toList();
    }

    private UUID currentHost() {
        List<UUID> hosts = live.snapshotFor(null).participants().stream()
                .filter(ParticipantView::host).map(ParticipantView::id).toList();
        assertEquals(1, hosts.size(), () -> "expected exactly one host, got " + hosts);
        return hosts.get(0);
    }

    private static Map<UUID, String> cardsOf(List<RevealedVote> votes) {
        return votes.stream().collect(Collectors.toMap(RevealedVote::participantId, RevealedVote::cardValue));
    }

    @Nested
    class Joining {

        @Test
        void firstJoinerTakesANewSeatAndHosts() {
            ParticipantJoined joined = only(live.join(aliceUser, "  Alice ", Role.VOTER, now, NODE), ParticipantJoined.class);
            assertTrue(joined.seatChanged());
            ParticipantView view = joined.participant();
            assertEquals("Alice", view.displayName());
            assertEquals(Role.VOTER, view.role());
            assertTrue(view.host());
            assertTrue(view.connected());
            assertFalse(view.hasVoted());
            Participant seat = live.seatOf(aliceUser).orElseThrow();
            assertEquals(view.id(), seat.id());
            assertEquals(room.id(), seat.roomId());
            assertEquals(aliceUser, seat.userId());
            assertTrue(seat.isHost());
            assertTrue(live.isConnected(view.id()));
        }

        @Test
        void firstJoinerHostsEvenAsObserver() {
            UUID watcher = join(aliceUser, "Alice", Role.OBSERVER);
            assertTrue(seen(watcher).host());
            assertEquals(Role.OBSERVER, seen(watcher).role());
        }

        @Test
        void laterJoinersDoNotHost() {
            seatThree();
            assertEquals(alice, currentHost());
            assertFalse(seen(bob).host());
            assertFalse(seen(carol).host());
            assertEquals(List.of(alice, bob, carol), seatedIds());
        }

        @Test
        void eachUserGetsADistinctSeat() {
            seatThree();
            assertEquals(3, List.of(alice, bob, carol).stream().distinct().count());
        }

        @Test
        void participantIdsComeFromTheIdSource() {
            UUID fixed = UUID.fromString("00000000-0000-0000-0000-000000000042");
            LiveRoom withFixedIds = LiveRoom.restore(room, List.of(), new Round(room.id(), 1, null, null, now, null, null),
                    Map.of(), SessionFlow.DEFAULT, emptyBacklog(), () -> fixed);
            ParticipantJoined joined = only(withFixedIds.join(aliceUser, "Alice", Role.VOTER, now, NODE),
                    ParticipantJoined.class);
            assertEquals(fixed, joined.participant().id());
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "a\u0000b", "12345678901234567890123456789012345678901"})
        void aNewSeatNeedsAValidDisplayNameAndNothingChangesWhenRefused(String name) {
            assertRefused(Reason.VALIDATION_FAILED, () -> live.join(aliceUser, name, Role.VOTER, now, NODE));
            assertTrue(live.seatOf(aliceUser).isEmpty());
            assertTrue(seatedIds().isEmpty());
            // the refused join must not have taken the host role either
            UUID bobSeat = join(bobUser, "Bob", Role.VOTER);
            assertTrue(seen(bobSeat).host());
        }

        @Test
        void reconnectingRestoresSeatRoleHostAndVote() {
            seatThree();
            live.castVote(alice, "8", now);
            only(live.disconnect(alice, NODE), ParticipantDisconnected.class);
            assertFalse(live.isConnected(alice));

            ParticipantJoined back = only(live.join(aliceUser, "Someone Else", Role.OBSERVER, now, NODE),
                    ParticipantJoined.class);
            assertFalse(back.seatChanged(), "the seat itself did not change");
            assertEquals(new ParticipantView(alice, "Alice", Role.VOTER, true, true, true), back.participant());
            assertEquals("8", live.snapshotFor(alice).viewerCard());
            assertEquals(alice, currentHost());
        }

        @Test
        void aSecondConnectionOfTheSameUserIsSilentAndKeepsTheSeat() {
            seatThree();
            assertTrue(live.join(bobUser, "Bob", Role.VOTER, now, NODE).isEmpty());
            assertEquals(List.of(alice, bob, carol), seatedIds());
            assertEquals(bob, live.seatOf(bobUser).orElseThrow().id());
        }

        @Test
        void disconnectIsReportedOnlyWhenTheLastConnectionGoes() {
            seatThree();
            live.join(bobUser, "Bob", Role.VOTER, now, NODE);
            live.join(bobUser, "Bob", Role.VOTER, now, NODE);

            assertTrue(live.disconnect(bob, NODE).isEmpty());
            assertTrue(live.isConnected(bob));
            assertTrue(live.disconnect(bob, NODE).isEmpty());
            assertTrue(live.isConnected(bob));
            assertEquals(new ParticipantDisconnected(bob), only(live.disconnect(bob, NODE), ParticipantDisconnected.class));
            assertFalse(live.isConnected(bob));
        }

        @Test
        void aDisconnectedSeatStaysWithItsVote() {
            seatThree();
            live.castVote(bob, "5", now);
            live.disconnect(bob, NODE);
            ParticipantView view = seen(bob);
            assertFalse(view.connected());
            assertTrue(view.hasVoted());
            assertTrue(live.seatOf(bobUser).isPresent());
            assertEquals("5", live.snapshotFor(bob).viewerCard());
        }

        @Test
        void aDisconnectedHostStaysHost() {
            seatThree();
            live.disconnect(alice, NODE);
            assertEquals(alice, currentHost());
            assertRefused(Reason.FORBIDDEN, () -> live.reveal(bob, now));
        }

        @Test
        void reconnectingAfterTheLastConnectionDroppedIsAnnouncedAgain() {
            seatThree();
            live.join(carolUser, "Carol", Role.VOTER, now, NODE);
            live.disconnect(carol, NODE);
            live.disconnect(carol, NODE);
            ParticipantJoined again = only(live.join(carolUser, "Carol", Role.VOTER, now, NODE), ParticipantJoined.class);
            assertEquals(carol, again.participant().id());
            assertTrue(again.participant().connected());
            assertTrue(live.join(carolUser, "Carol", Role.VOTER, now, NODE).isEmpty(), "a second tab is silent again");
        }

        @Test
        void reconcilingANodeAnnouncesOnlySeatsWhoseConnectedStateChanged() {
            seatThree();
            live.join(bobUser, "Bob", Role.VOTER, now, OTHER_NODE);

            List<RoomEvent> events = live.reconcile(NODE, Map.of(alice, 2));

            assertEquals(List.of(new ParticipantDisconnected(carol)), events,
                    "Bob is still held by the other node; Alice was and stays connected");
            assertTrue(live.isConnected(alice));
            assertTrue(live.isConnected(bob));
            assertTrue(live.join(aliceUser, "Alice", Role.VOTER, now, NODE).isEmpty(), "a further tab is silent");
            assertTrue(live.disconnect(alice, NODE).isEmpty());
            assertTrue(live.disconnect(alice, NODE).isEmpty());
            assertEquals(List.of(new ParticipantDisconnected(alice)), live.disconnect(alice, NODE));
        }

        @Test
        void reconcilingBringsBackSeatsThatWereHeldAllAlong() {
            seatThree();
            live.reconcile(NODE, Map.of());
            assertFalse(live.isConnected(bob));

            ParticipantJoined back = only(live.reconcile(NODE, Map.of(bob, 1)), ParticipantJoined.class);

            assertEquals(bob, back.participant().id());
            assertTrue(back.participant().connected());
            assertFalse(back.seatChanged(), "presence is not a change of the seat");
        }

        @Test
        void aDeadNodeLeavesItsSeatsDisconnectedWithTheirVotes() {
            seatThree();
            UUID dave = only(live.join(UUID.randomUUID(), "Dave", Role.VOTER, now, OTHER_NODE),
                    ParticipantJoined.class).participant().id();
            live.castVote(dave, "5", now);

            assertEquals(List.of(new ParticipantDisconnected(dave)), live.reconcile(OTHER_NODE, Map.of()));

            assertEquals(Set.of(NODE), live.nodes());
            ParticipantView seat = live.snapshotFor(dave).participants().stream()
                    .filter(p -> p.id().equals(dave)).findFirst().orElseThrow();
            assertFalse(seat.connected());
            assertTrue(seat.hasVoted());
            assertEquals("5", live.snapshotFor(dave).viewerCard());
        }

        @Test
        void reconcilingIgnoresConnectionsWithoutASeat() {
            seatThree();
            live.leave(carol);
            UUID stranger = UUID.randomUUID();
            assertTrue(live.reconcile(NODE, Map.of(carol, 1, stranger, 1, alice, 1, bob, 1)).isEmpty());
            assertFalse(live.isConnected(carol));
            assertFalse(live.isConnected(stranger));
        }

        @Test
        void disconnectsCountPerNode() {
            seatThree();
            live.join(bobUser, "Bob", Role.VOTER, now, OTHER_NODE);
            assertTrue(live.disconnect(bob, OTHER_NODE).isEmpty());
            assertTrue(live.disconnect(bob, OTHER_NODE).isEmpty(), "the other node holds none any more");
            assertEquals(List.of(new ParticipantDisconnected(bob)), live.disconnect(bob, NODE));
        }

        @Test
        void disconnectingSomeoneWithoutASeatTellsNobody() {
            seatThree();
            assertTrue(live.disconnect(UUID.randomUUID(), NODE).isEmpty());
            live.leave(bob);
            assertTrue(live.disconnect(bob, NODE).isEmpty());
        }
    }

    @Nested
    class Leaving {

        @Test
        void leavingWithoutAVoteOnlyAnnouncesTheLeave() {
            seatThree();
            assertEquals(List.of(new ParticipantLeft(bob, false)), live.leave(bob));
            assertEquals(List.of(alice, carol), seatedIds());
            assertTrue(live.seatOf(bobUser).isEmpty());
            assertFalse(live.isConnected(bob));
            assertFalse(live.participant(bob).isSeated());
            assertFalse(live.participant(bob).isBanned());
        }

        @Test
        void leavingRetractsAnUnrevealedVote() {
            seatThree();
            live.castVote(bob, "13", now);
            live.castVote(carol, "3", now);
            assertEquals(List.of(new VoteRetracted(bob, 1), new ParticipantLeft(bob, false)), live.leave(bob));

            RoundRevealed revealed = only(live.reveal(alice, now), RoundRevealed.class);
            assertEquals(Map.of(carol, "3"), cardsOf(revealed.votes()));
            assertEquals(1, revealed.stats().count());
        }

        @Test
        void leavingAfterTheRevealKeepsTheVoteInTheRound() {
            seatThree();
            live.castVote(bob, "13", now);
            live.reveal(alice, now);
            assertEquals(List.of(new ParticipantLeft(bob, false)), live.leave(bob));
            assertEquals(Map.of(bob, "13"), cardsOf(live.snapshotFor(alice).revealedVotes()));
        }

        @Test
        void whenTheHostLeavesTheLongestSeatedConnectedParticipantHosts() {
            seatThree();
            live.castVote(alice, "2", now);
            List<RoomEvent> events = live.leave(alice);
            assertEquals(List.of(new VoteRetracted(alice, 1), new ParticipantLeft(alice, false),
                    new HostChanged(bob, alice)), events);
            assertEquals(bob, currentHost());
            assertDoesNotThrow(() -> live.reveal(bob, now));
        }

        @Test
        void aConnectedSuccessorIsPreferredOverADisconnectedOne() {
            seatThree();
            live.disconnect(bob, NODE);
            List<RoomEvent> events = live.leave(alice);
            assertEquals(new HostChanged(carol, alice), events.get(events.size() - 1));
            assertEquals(carol, currentHost());
        }

        @Test
        void whenNobodyIsConnectedTheLongestSeatedHosts() {
            seatThree();
            live.disconnect(bob, NODE);
            live.disconnect(carol, NODE);
            List<RoomEvent> events = live.leave(alice);
            assertEquals(new HostChanged(bob, alice), events.get(events.size() - 1));
            assertEquals(bob, currentHost());
        }

        @Test
        void theLastOneLeavingHandsHostToNobodyAndTheNextNewcomerHosts() {
            UUID solo = join(aliceUser, "Alice", Role.VOTER);
            assertEquals(List.of(new ParticipantLeft(solo, false)), live.leave(solo));
            assertTrue(seatedIds().isEmpty());
            UUID next = join(bobUser, "Bob", Role.VOTER);
            assertTrue(seen(next).host());
        }

        @Test
        void aNonHostLeavingDoesNotChangeTheHost() {
            seatThree();
            live.leave(carol);
            assertEquals(alice, currentHost());
        }

        @Test
        void comingBackAfterLeavingReusesTheOldSeatWithTheNewNameAndRole() {
            seatThree();
            live.leave(bob);
            ParticipantJoined back = only(live.join(bobUser, "Robert", Role.OBSERVER, now, NODE), ParticipantJoined.class);
            assertTrue(back.seatChanged());
            assertEquals(new ParticipantView(bob, "Robert", Role.OBSERVER, false, true, false), back.participant());
            assertEquals(alice, currentHost());
        }

        @Test
        void aFormerHostComingBackDoesNotTakeHostBack() {
            seatThree();
            live.leave(alice);
            join(aliceUser, "Alice", Role.VOTER);
            assertEquals(bob, currentHost());
            assertFalse(seen(alice).host());
        }

        @Test
        void someoneWithoutASeatCannotLeaveOrAct() {
            seatThree();
            live.leave(bob);
            assertRefused(Reason.FORBIDDEN, () -> live.leave(bob));
            assertRefused(Reason.FORBIDDEN, () -> live.castVote(bob, "5", now));
            assertRefused(Reason.FORBIDDEN, () -> live.retractVote(bob));
            assertRefused(Reason.FORBIDDEN, () -> live.leave(UUID.randomUUID()));
            assertRefused(Reason.FORBIDDEN, () -> live.leave(null));
        }
    }

    @Nested
    class Kicking {

        @Test
        void theHostKicksAndTheKickedIsBanned() {
            seatThree();
            assertEquals(List.of(new ParticipantLeft(bob, true)), live.kick(alice, bob));
            assertEquals(List.of(alice, carol), seatedIds());
            assertFalse(live.isConnected(bob));
            assertTrue(live.participant(bob).isBanned());
            assertRefused(Reason.FORBIDDEN, () -> live.checkEntry(bobUser, null));
            assertRefused(Reason.FORBIDDEN, () -> live.checkEntry(bobUser, room.inviteKey()));
            assertRefused(Reason.FORBIDDEN, () -> live.join(bobUser, "Bob again", Role.VOTER, now, NODE));
            assertTrue(live.seatOf(bobUser).isEmpty());
        }

        @Test
        void kickingClosesEveryConnectionOfTheSeat() {
            seatThree();
            live.join(bobUser, "Bob", Role.VOTER, now, NODE);
            live.kick(alice, bob);
            assertFalse(live.isConnected(bob));
            assertTrue(live.disconnect(bob, NODE).isEmpty(), "the kicked seat's closing sockets tell nobody");
        }

        @Test
        void kickingRetractsAnUnrevealedVote() {
            seatThree();
            live.castVote(carol, "21", now);
            assertEquals(List.of(new VoteRetracted(carol, 1), new ParticipantLeft(carol, true)),
                    live.kick(alice, carol));
            assertTrue(only(live.reveal(alice, now), RoundRevealed.class).votes().isEmpty());
        }

        @Test
        void onlyTheHostKicks() {
            seatThree();
            assertRefused(Reason.FORBIDDEN, () -> live.kick(bob, carol));
            assertTrue(live.seatOf(carolUser).isPresent());
            assertFalse(live.participant(carol).isBanned());
        }

        @Test
        void theHostCannotKickThemselves() {
            seatThree();
            assertRefused(Reason.VALIDATION_FAILED, () -> live.kick(alice, alice));
            assertEquals(alice, currentHost());
        }

        @Test
        void kickingSomeoneWhoIsNotSeatedIsNotFound() {
            seatThree();
            assertRefused(Reason.NOT_FOUND, () -> live.kick(alice, UUID.randomUUID()));
            live.leave(bob);
            assertRefused(Reason.NOT_FOUND, () -> live.kick(alice, bob));
            assertFalse(live.participant(bob).isBanned());
        }
    }

    @Nested
    class HostTransfer {

        @Test
        void theHostHandsOver() {
            seatThree();
            assertEquals(List.of(new HostChanged(carol, alice)), live.transferHost(alice, carol));
            assertEquals(carol, currentHost());
            assertRefused(Reason.FORBIDDEN, () -> live.reveal(alice, now));
            assertDoesNotThrow(() -> live.reveal(carol, now));
        }

        @Test
        void hostMayGoToAnObserver() {
            seatThree();
            UUID watcher = join(UUID.randomUUID(), "Watcher", Role.OBSERVER);
            live.transferHost(alice, watcher);
            assertEquals(watcher, currentHost());
        }

        @Test
        void onlyTheHostHandsOver() {
            seatThree();
            assertRefused(Reason.FORBIDDEN, () -> live.transferHost(bob, bob));
            assertRefused(Reason.FORBIDDEN, () -> live.transferHost(bob, carol));
            assertEquals(alice, currentHost());
        }

        @Test
        void handingToYourselfIsRefused() {
            seatThree();
            assertRefused(Reason.VALIDATION_FAILED, () -> live.transferHost(alice, alice));
            assertEquals(alice, currentHost());
        }

        @Test
        void handingToSomeoneNotSeatedIsNotFound() {
            seatThree();
            live.leave(bob);
            assertRefused(Reason.NOT_FOUND, () -> live.transferHost(alice, bob));
            assertRefused(Reason.NOT_FOUND, () -> live.transferHost(alice, UUID.randomUUID()));
            assertEquals(alice, currentHost());
        }
    }

    @Nested
    class Voting {

        @Test
        void aVoteIsRecordedAndShownOnlyAsHasVoted() {
            seatThree();
            assertEquals(List.of(new VoteRecorded(bob, 1, "5", now)), live.castVote(bob, "5", now));
            assertTrue(seen(bob).hasVoted());
            assertFalse(seen(carol).hasVoted());
        }

        @Test
        void castingAgainReplacesTheVote() {
            seatThree();
            live.castVote(bob, "3", now);
            live.castVote(bob, "8", now);
            assertEquals("8", live.snapshotFor(bob).viewerCard());
            RoundRevealed revealed = only(live.reveal(alice, now), RoundRevealed.class);
            assertEquals(List.of(new RevealedVote(bob, "Bob", "8")), revealed.votes());
        }

        @Test
        void observersDoNotVote() {
            seatThree();
            UUID watcher = join(UUID.randomUUID(), "Watcher", Role.OBSERVER);
            assertRefused(Reason.FORBIDDEN, () -> live.castVote(watcher, "5", now));
            assertFalse(seen(watcher).hasVoted());
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"4", "½", "☕", "XL", " 5", "5 ", "05", "5.0", "?!"})
        void aCardOutsideTheDeckIsInvalidAndKeepsThePreviousVote(String card) {
            seatThree();
            live.castVote(bob, "5", now);
            assertRefused(Reason.INVALID_CARD, () -> live.castVote(bob, card, now));
            assertEquals("5", live.snapshotFor(bob).viewerCard());
        }

        @Test
        void everyCardOfTheDeckIsAccepted() {
            seatThree();
            for (String card : DeckType.FIBONACCI.standardCards()) {
                assertEquals(List.of(new VoteRecorded(bob, 1, card, now)), live.castVote(bob, card, now));
            }
        }

        @Test
        void customDeckCardsAreTheOnlyValidOnes() {
            Room custom = new Room("Custom", Deck.of(DeckType.CUSTOM, List.of("tiny", "huge", "🐘")), Privacy.PUBLIC,
                    ownerUser, now);
            live = fresh(custom);
            UUID voter = join(aliceUser, "Alice", Role.VOTER);
            assertEquals(List.of(new VoteRecorded(voter, 1, "🐘", now)), live.castVote(voter, "🐘", now));
            assertRefused(Reason.INVALID_CARD, () -> live.castVote(voter, "5", now));
            assertRefused(Reason.INVALID_CARD, () -> live.castVote(voter, "Tiny", now));
        }

        @Test
        void votingAfterTheRevealIsRefused() {
            seatThree();
            live.castVote(bob, "5", now);
            live.reveal(alice, now);
            assertRefused(Reason.ROUND_REVEALED, () -> live.castVote(bob, "8", now));
            assertRefused(Reason.ROUND_REVEALED, () -> live.castVote(carol, "8", now));
            assertEquals(Map.of(bob, "5"), cardsOf(live.snapshotFor(alice).revealedVotes()));
        }

        @Test
        void retractingRemovesTheVote() {
            seatThree();
            live.castVote(bob, "5", now);
            assertEquals(List.of(new VoteRetracted(bob, 1)), live.retractVote(bob));
            assertFalse(seen(bob).hasVoted());
            assertNull(live.snapshotFor(bob).viewerCard());
        }

        @Test
        void retractingAfterTheRevealIsRefused() {
            seatThree();
            live.castVote(bob, "5", now);
            live.reveal(alice, now);
            assertRefused(Reason.ROUND_REVEALED, () -> live.retractVote(bob));
            assertEquals("5", live.snapshotFor(bob).viewerCard());
        }

        @Test
        void voteEventsCarryTheCurrentRoundNumber() {
            seatThree();
            live.startRound(alice, null, null, now);
            live.startRound(alice, null, null, now);
            assertEquals(3, only(live.castVote(bob, "1", now), VoteRecorded.class).roundNumber());
            assertEquals(3, only(live.retractVote(bob), VoteRetracted.class).roundNumber());
        }
    }

    @Nested
    class Revealing {

        @Test
        void revealShowsEveryVoteWithNamesAndStatistics() {
            seatThree();
            live.castVote(alice, "3", now);
            live.castVote(bob, "5", now);
            live.castVote(carol, "?", now);
            Instant at = now.plusSeconds(90);

            RoundRevealed revealed = only(live.reveal(alice, at), RoundRevealed.class);

            assertEquals(1, revealed.roundNumber());
            assertEquals(at, revealed.revealedAt());
            assertEquals(Map.of(alice, "3", bob, "5", carol, "?"), cardsOf(revealed.votes()));
            assertEquals(Map.of(alice, "Alice", bob, "Bob", carol, "Carol"), revealed.votes().stream()
                    .collect(Collectors.toMap(RevealedVote::participantId, RevealedVote::displayName)));
            RoundStatistics stats = revealed.stats();
            assertEquals(3, stats.count());
            assertEquals(0, new BigDecimal("4").compareTo(stats.average()));
            assertEquals(0, new BigDecimal("4").compareTo(stats.median()));
            assertEquals(0, new BigDecimal("3").compareTo(stats.min()));
            assertEquals(0, new BigDecimal("5").compareTo(stats.max()));
            assertEquals(Boolean.FALSE, stats.consensus());
            assertEquals(RoundStatistics.of(List.of("3", "5", "?")), stats);
        }

        @Test
        void revealWithHalfAndCoffeeInTheModifiedFibonacciDeck() {
            live = fresh(new Room("Mod", Deck.of(DeckType.MODIFIED_FIBONACCI, null), Privacy.PUBLIC, ownerUser, now));
            seatThree();
            live.castVote(alice, "½", now);
            live.castVote(bob, "☕", now);
            live.castVote(carol, "½", now);
            RoundStatistics stats = only(live.reveal(alice, now), RoundRevealed.class).stats();
            assertEquals(3, stats.count());
            assertEquals("0.5", stats.average().toPlainString());
            assertEquals(Boolean.TRUE, stats.consensus());
        }

        @Test
        void revealWithNoVotesGivesEmptyStatistics() {
            seatThree();
            RoundRevealed revealed = only(live.reveal(alice, now), RoundRevealed.class);
            assertTrue(revealed.votes().isEmpty());
            assertEquals(0, revealed.stats().count());
            assertNull(revealed.stats().average());
            assertNull(revealed.stats().consensus());
        }

        @Test
        void onlyTheHostReveals() {
            seatThree();
            live.castVote(bob, "5", now);
            assertRefused(Reason.FORBIDDEN, () -> live.reveal(bob, now));
            RoomSnapshot snapshot = live.snapshotFor(carol);
            assertFalse(snapshot.revealed());
            assertNull(snapshot.revealedVotes());
            assertDoesNotThrow(() -> live.castVote(carol, "8", now), "the round is still open");
        }

        @Test
        void revealingTwiceIsRefused() {
            seatThree();
            live.reveal(alice, now);
            assertRefused(Reason.ROUND_REVEALED, () -> live.reveal(alice, now));
        }

        @Test
        void aDisconnectedVotersCardCountsAtTheReveal() {
            seatThree();
            live.castVote(bob, "13", now);
            live.disconnect(bob, NODE);
            assertEquals(Map.of(bob, "13"), cardsOf(only(live.reveal(alice, now), RoundRevealed.class).votes()));
        }
    }

    @Nested
    class NewRoundAndReset {

        @Test
        void startingARoundCountsUpAndClearsEverything() {
            seatThree();
            live.castVote(bob, "5", now);
            live.reveal(alice, now);
            Instant at = now.plusSeconds(300);

            assertEquals(List.of(new RoundStarted(2, null, "Login page", at)), live.startRound(alice, "  Login page ", null, at));

            assertEquals(2, live.roundNumber());
            RoomSnapshot snapshot = live.snapshotFor(bob);
            assertEquals(2, snapshot.roundNumber());
            assertEquals("Login page", snapshot.storyTitle());
            assertFalse(snapshot.revealed());
            assertNull(snapshot.revealedVotes());
            assertNull(snapshot.stats());
            assertNull(snapshot.viewerCard());
            assertTrue(snapshot.participants().stream().noneMatch(ParticipantView::hasVoted));
            assertEquals(List.of(new VoteRecorded(bob, 2, "8", now)), live.castVote(bob, "8", now));
        }

        @Test
        void startingARoundBeforeTheRevealDropsTheOpenVotes() {
            seatThree();
            live.castVote(bob, "5", now);
            live.startRound(alice, null, null, now);
            assertEquals(2, live.roundNumber());
            assertFalse(seen(bob).hasVoted());
            assertTrue(only(live.reveal(alice, now), RoundRevealed.class).votes().isEmpty());
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void aMissingStoryTitleIsNull(String title) {
            seatThree();
            assertEquals(List.of(new RoundStarted(2, null, null, now)), live.startRound(alice, title, null, now));
            assertNull(live.snapshotFor(alice).storyTitle());
        }

        @Test
        void aTooLongStoryTitleIsRefusedAndTheRoundStays() {
            seatThree();
            live.castVote(bob, "5", now);
            String tooLong = "x".repeat(Round.MAX_STORY_TITLE + 1);
            assertRefused(Reason.VALIDATION_FAILED, () -> live.startRound(alice, tooLong, null, now));
            assertEquals(1, live.roundNumber());
            assertTrue(seen(bob).hasVoted());
            assertEquals(List.of(new RoundStarted(2, null, "x".repeat(Round.MAX_STORY_TITLE), now)),
                    live.startRound(alice, "x".repeat(Round.MAX_STORY_TITLE), null, now));
        }

        @Test
        void onlyTheHostStartsARound() {
            seatThree();
            live.castVote(bob, "5", now);
            assertRefused(Reason.FORBIDDEN, () -> live.startRound(bob, "mine", null, now));
            assertEquals(1, live.roundNumber());
            assertTrue(seen(bob).hasVoted());
        }

        @Test
        void resetClearsTheVotesOfTheSameRound() {
            seatThree();
            live.castVote(bob, "5", now);
            live.castVote(carol, "8", now);
            assertEquals(List.of(new RoundReset(1)), live.reset(alice));
            assertEquals(1, live.roundNumber());
            assertFalse(seen(bob).hasVoted());
            assertFalse(seen(carol).hasVoted());
            assertNull(live.snapshotFor(bob).viewerCard());
            assertDoesNotThrow(() -> live.castVote(bob, "3", now));
        }

        @Test
        void resetAfterTheRevealIsRefused() {
            seatThree();
            live.castVote(bob, "5", now);
            live.reveal(alice, now);
            assertRefused(Reason.ROUND_REVEALED, () -> live.reset(alice));
            assertTrue(live.snapshotFor(alice).revealed());
            assertEquals(Map.of(bob, "5"), cardsOf(live.snapshotFor(alice).revealedVotes()));
        }

        @Test
        void onlyTheHostResets() {
            seatThree();
            live.castVote(bob, "5", now);
            assertRefused(Reason.FORBIDDEN, () -> live.reset(bob));
            assertTrue(seen(bob).hasVoted());
        }
    }

    @Nested
    class Snapshots {

        @Test
        void beforeTheRevealEachViewerSeesOnlyTheirOwnCard() {
            seatThree();
            live.castVote(alice, "3", now);
            live.castVote(bob, "21", now);

            RoomSnapshot forBob = live.snapshotFor(bob);
            assertEquals(bob, forBob.viewerId());
            assertEquals("21", forBob.viewerCard());
            assertFalse(forBob.revealed());
            assertNull(forBob.revealedVotes());
            assertNull(forBob.stats());
            assertEquals("3", live.snapshotFor(alice).viewerCard());
            assertNull(live.snapshotFor(carol).viewerCard());

            Map<UUID, Boolean> hasVoted = forBob.participants().stream()
                    .collect(Collectors.toMap(ParticipantView::id, ParticipantView::hasVoted));
            assertEquals(Map.of(alice, true, bob, true, carol, false), hasVoted);
        }

        @Test
        void afterTheRevealEveryoneSeesEveryCardAndTheStatistics() {
            seatThree();
            live.castVote(alice, "3", now);
            live.castVote(bob, "21", now);
            RoundRevealed revealed = only(live.reveal(alice, now), RoundRevealed.class);

            for (UUID viewer : List.of(alice, bob, carol)) {
                RoomSnapshot snapshot = live.snapshotFor(viewer);
                assertTrue(snapshot.revealed());
                assertEquals(Map.of(alice, "3", bob, "21"), cardsOf(snapshot.revealedVotes()));
                assertEquals(revealed.stats(), snapshot.stats());
            }
            assertNull(live.snapshotFor(carol).viewerCard());
        }

        @Test
        void snapshotShowsTheRoomRoundAndSeatedParticipantsInSeatingOrder() {
            seatThree();
            live.disconnect(carol, NODE);
            live.leave(bob);
            live.startRound(alice, "Checkout", null, now);
            RoomSnapshot snapshot = live.snapshotFor(alice);
            assertEquals(room, snapshot.room());
            assertEquals(2, snapshot.roundNumber());
            assertEquals("Checkout", snapshot.storyTitle());
            assertEquals(List.of(
                    new ParticipantView(alice, "Alice", Role.VOTER, true, true, false),
                    new ParticipantView(carol, "Carol", Role.VOTER, false, false, false)), snapshot.participants());
        }
    }

    @Nested
    class OwnerControls {

        private UUID owner;

        /** Alice joined first and hosts; the owner arrives later, as a plain participant. */
        @BeforeEach
        void ownerArrivesAfterAStranger() {
            seatThree();
            owner = join(ownerUser, "Owner", Role.OBSERVER);
        }

        @Test
        void theOwnerTakesHostBackFromWhoeverHasIt() {
            assertEquals(List.of(new HostChanged(owner, alice)), live.claimHost(owner));
            assertEquals(owner, currentHost());
            assertFalse(live.participant(alice).isHost());
            assertRefused(Reason.FORBIDDEN, () -> live.reveal(alice, now));
        }

        @Test
        void theOwnerTakesHostWhenNobodyHasIt() {
            UUID seat = UUID.randomUUID();
            live = LiveRoom.restore(room, List.of(new Participant(seat, room.id(), ownerUser, "Owner", Role.VOTER,
                    false, true, false, now)), new Round(room.id(), 1, null, null, now, null, null), Map.of(), SessionFlow.DEFAULT, emptyBacklog(),
                    UUID::randomUUID);
            assertEquals(List.of(new HostChanged(seat, null)), live.claimHost(seat));
            assertTrue(live.participant(seat).isHost());
        }

        @Test
        void onlyTheOwnerReclaimsHost() {
            assertRefused(Reason.FORBIDDEN, () -> live.claimHost(bob));
            assertRefused(Reason.FORBIDDEN, () -> live.claimHost(alice));
            assertEquals(alice, currentHost());
        }

        @Test
        void claimingWhileHostingIsRefused() {
            live.claimHost(owner);
            assertRefused(Reason.VALIDATION_FAILED, () -> live.claimHost(owner));
            assertEquals(owner, currentHost());
        }

        @Test
        void theOwnerLetsARemovedParticipantBackIn() {
            live.kick(alice, bob);
            assertRefused(Reason.FORBIDDEN, () -> live.checkEntry(bobUser, null));
            assertEquals(List.of(new ParticipantUnbanned(bob)), live.unban(owner, bob));
            assertFalse(live.participant(bob).isBanned());
            assertDoesNotThrow(() -> live.checkEntry(bobUser, null));
            assertEquals(bob, join(bobUser, "Bob", Role.VOTER), "the same seat comes back");
        }

        @Test
        void onlyTheOwnerUnbansAndOnlyTheRemoved() {
            live.kick(alice, bob);
            assertRefused(Reason.FORBIDDEN, () -> live.unban(alice, bob));
            assertTrue(live.participant(bob).isBanned());
            assertRefused(Reason.NOT_FOUND, () -> live.unban(owner, carol));
            assertRefused(Reason.NOT_FOUND, () -> live.unban(owner, UUID.randomUUID()));
        }

        @Test
        void theOwnerSeesWhoWasRemovedAndNobodyElseDoes() {
            live.kick(alice, bob);
            assertEquals(List.of(new RemovedSeat(bob, "Bob")), live.snapshotFor(owner).removed());
            assertNull(live.snapshotFor(alice).removed());
            live.unban(owner, bob);
            assertEquals(List.of(), live.snapshotFor(owner).removed());
        }

        @Test
        void theOwnerReplacesTheInvitation() {
            String before = room.inviteKey();
            assertEquals(List.of(new InvitationRotated()), live.rotateInvitation(owner));
            assertNotEquals(before, room.inviteKey());
            assertRefused(Reason.FORBIDDEN, () -> live.rotateInvitation(alice));
        }

        @Test
        void theOwnerMustBeSeatedToActAsOwner() {
            live.leave(owner);
            assertRefused(Reason.FORBIDDEN, () -> live.claimHost(owner));
        }
    }

    @Nested
    class Entry {

        private Room inviteOnly;

        @BeforeEach
        void inviteOnlyRoom() {
            inviteOnly = new Room("Secret", Deck.of(DeckType.TSHIRT, null), Privacy.INVITE_ONLY, ownerUser, now);
            live = fresh(inviteOnly);
        }

        @Test
        void aPublicRoomLetsAnyoneIn() {
            live = fresh(room);
            assertDoesNotThrow(() -> live.checkEntry(UUID.randomUUID(), null));
        }

        @Test
        void anInviteOnlyRoomRefusesAStrangerWithoutTheKey() {
            assertRefused(Reason.FORBIDDEN, () -> live.checkEntry(aliceUser, null));
            assertRefused(Reason.FORBIDDEN, () -> live.checkEntry(aliceUser, "not-the-key"));
            assertRefused(Reason.FORBIDDEN, () -> live.checkEntry(aliceUser, inviteOnly.id()));
        }

        @Test
        void anInviteOnlyRoomLetsInWhoeverHasTheKey() {
            assertDoesNotThrow(() -> live.checkEntry(aliceUser, inviteOnly.inviteKey()));
        }

        @Test
        void theOwnerNeedsNoKey() {
            assertDoesNotThrow(() -> live.checkEntry(ownerUser, null));
        }

        @Test
        void aSeatedUserComesBackWithoutTheKeyButNotAfterLeaving() {
            live.checkEntry(aliceUser, inviteOnly.inviteKey());
            UUID seat = join(aliceUser, "Alice", Role.VOTER);
            live.disconnect(seat, NODE);
            assertDoesNotThrow(() -> live.checkEntry(aliceUser, null));
            live.leave(seat);
            assertRefused(Reason.FORBIDDEN, () -> live.checkEntry(aliceUser, null));
            assertDoesNotThrow(() -> live.checkEntry(aliceUser, inviteOnly.inviteKey()));
        }

        @Test
        void aKickedInviteeIsRefusedEvenWithTheKey() {
            UUID host = join(ownerUser, "Owner", Role.VOTER);
            UUID guest = join(aliceUser, "Alice", Role.VOTER);
            live.kick(host, guest);
            assertRefused(Reason.FORBIDDEN, () -> live.checkEntry(aliceUser, inviteOnly.inviteKey()));
        }

        @Test
        void aKickReplacesTheInvitationSoTheOldLinkLetsNoNewcomerIn() {
            UUID host = join(ownerUser, "Owner", Role.VOTER);
            String oldKey = inviteOnly.inviteKey();
            UUID guest = join(aliceUser, "Alice", Role.VOTER);
            assertEquals(List.of(new ParticipantLeft(guest, true), new InvitationRotated()), live.kick(host, guest));
            assertRefused(Reason.FORBIDDEN, () -> live.checkEntry(bobUser, oldKey));
            assertDoesNotThrow(() -> live.checkEntry(bobUser, inviteOnly.inviteKey()));
        }
    }

    @Nested
    class Restoring {

        private final Instant seatedAt = Instant.parse("2025-05-05T11:00:00Z");

        private Participant seat(UUID id, UUID user, String name, Role role, boolean host, boolean seated,
                                 boolean banned) {
            return new Participant(id, room.id(), user, name, role, host, seated, banned, seatedAt);
        }

        @Test
        void restoredSeatsAreKeptButNobodyIsConnected() {
            UUID a = UUID.randomUUID();
            UUID b = UUID.randomUUID();
            live = LiveRoom.restore(room,
                    List.of(seat(a, aliceUser, "Alice", Role.VOTER, true, true, false),
                            seat(b, bobUser, "Bob", Role.OBSERVER, false, true, false)),
                    new Round(room.id(), 4, null, "Search", now, null, null), Map.of(a, "8"), SessionFlow.DEFAULT, emptyBacklog(), UUID::randomUUID);

            assertEquals(4, live.roundNumber());
            assertFalse(live.isConnected(a));
            assertFalse(live.isConnected(b));
            RoomSnapshot snapshot = live.snapshotFor(a);
            assertEquals("Search", snapshot.storyTitle());
            assertEquals("8", snapshot.viewerCard());
            assertEquals(List.of(
                    new ParticipantView(a, "Alice", Role.VOTER, true, false, true),
                    new ParticipantView(b, "Bob", Role.OBSERVER, false, false, false)), snapshot.participants());

            ParticipantJoined back = only(live.join(aliceUser, "Ignored", Role.OBSERVER, now, NODE), ParticipantJoined.class);
            assertFalse(back.seatChanged());
            assertEquals(new ParticipantView(a, "Alice", Role.VOTER, true, true, true), back.participant());
        }

        @Test
        void aRestoredRevealedRoundStaysRevealed() {
            UUID a = UUID.randomUUID();
            UUID b = UUID.randomUUID();
            RoundStatistics stats = RoundStatistics.of(List.of("3", "5"));
            live = LiveRoom.restore(room,
                    List.of(seat(a, aliceUser, "Alice", Role.VOTER, true, true, false),
                            seat(b, bobUser, "Bob", Role.VOTER, false, true, false)),
                    new Round(room.id(), 2, null, null, now, now.plusSeconds(60), stats), Map.of(a, "3", b, "5"), SessionFlow.DEFAULT, emptyBacklog(),
                    UUID::randomUUID);

            RoomSnapshot snapshot = live.snapshotFor(b);
            assertTrue(snapshot.revealed());
            assertEquals(stats, snapshot.stats());
            assertEquals(Map.of(a, "3", b, "5"), cardsOf(snapshot.revealedVotes()));
            assertEquals(List.of("Alice", "Bob"), snapshot.revealedVotes().stream()
                    .map(RevealedVote::displayName).sorted().toList());
            assertRefused(Reason.ROUND_REVEALED, () -> live.castVote(b, "8", now));
            assertEquals(List.of(new RoundStarted(3, null, null, now)), live.startRound(a, null, null, now));
        }

        @Test
        void aRestoredBanStillHolds() {
            UUID a = UUID.randomUUID();
            live = LiveRoom.restore(room, List.of(seat(a, aliceUser, "Alice", Role.VOTER, false, false, true)),
                    new Round(room.id(), 1, null, null, now, null, null), Map.of(), SessionFlow.DEFAULT, emptyBacklog(), UUID::randomUUID);
            assertRefused(Reason.FORBIDDEN, () -> live.checkEntry(aliceUser, null));
            assertRefused(Reason.FORBIDDEN, () -> live.join(aliceUser, "Alice", Role.VOTER, now, NODE));
        }

        @Test
        void aRestoredUnseatedUserGetsTheirOldSeatBack() {
            UUID a = UUID.randomUUID();
            live = LiveRoom.restore(room, List.of(seat(a, aliceUser, "Alice", Role.VOTER, false, false, false)),
                    new Round(room.id(), 1, null, null, now, null, null), Map.of(), SessionFlow.DEFAULT, emptyBacklog(), UUID::randomUUID);
            assertTrue(live.seatOf(aliceUser).isEmpty());
            ParticipantJoined joined = only(live.join(aliceUser, "Alicia", Role.VOTER, now, NODE), ParticipantJoined.class);
            assertEquals(a, joined.participant().id());
            assertTrue(joined.seatChanged());
            assertTrue(joined.participant().host(), "nobody hosted, so the returning seat hosts");
        }

        @Test
        void theSeatsPassedInAreNotChangedByPlay() {
            UUID a = UUID.randomUUID();
            UUID b = UUID.randomUUID();
            Participant hostSeat = seat(a, aliceUser, "Alice", Role.VOTER, true, true, false);
            Participant otherSeat = seat(b, bobUser, "Bob", Role.VOTER, false, true, false);
            live = LiveRoom.restore(room, List.of(hostSeat, otherSeat), new Round(room.id(), 1, null, null, now, null, null),
                    Map.of(), SessionFlow.DEFAULT, emptyBacklog(), UUID::randomUUID);
            live.kick(a, b);
            live.leave(a);
            assertTrue(hostSeat.isSeated());
            assertTrue(hostSeat.isHost());
            assertTrue(otherSeat.isSeated());
            assertFalse(otherSeat.isBanned());
            assertNotEquals(hostSeat, live.participant(a));
        }

        @Test
        void aRoundIsRequired() {
            assertThrows(NullPointerException.class,
                    () -> LiveRoom.restore(room, List.of(), null, Map.of(), SessionFlow.DEFAULT, emptyBacklog(), UUID::randomUUID));
        }

        @Test
        void theRoomsDeckIsTheOneRestored() {
            Room custom = new Room("C", Deck.of(DeckType.CUSTOM, Arrays.asList("yes", "no")), Privacy.PUBLIC,
                    ownerUser, now);
            live = fresh(custom);
            UUID voter = join(aliceUser, "Alice", Role.VOTER);
            assertDoesNotThrow(() -> live.castVote(voter, "no", now));
            assertRefused(Reason.INVALID_CARD, () -> live.castVote(voter, "?", now));
        }
    }

    @Nested
    class Rebuilt {

        /** The room as PostgreSQL would give it back: the same seats, the current round and its votes. */
        private LiveRoom rebuilt() {
            List<Participant> seats = List.of(live.participant(alice).copy(), live.participant(bob).copy(),
                    live.participant(carol).copy());
            Map<UUID, String> votes = new LinkedHashMap<>();
            live.snapshotFor(alice).participants().stream().filter(ParticipantView::hasVoted)
                    .forEach(p -> votes.put(p.id(), "?"));
            return LiveRoom.restore(room, seats, live.currentRound(), votes, SessionFlow.DEFAULT, emptyBacklog(), UUID::randomUUID);
        }

        @Test
        void presenceCarriedIntoARebuiltRoomIsNotAnnouncedAgain() {
            seatThree();
            live.join(bobUser, "Bob", Role.VOTER, now, OTHER_NODE);
            LiveRoom copy = rebuilt();

            copy.restorePresence(live.presence());

            assertEquals(live.nodes(), copy.nodes());
            assertEquals(live.snapshotFor(alice).participants(), copy.snapshotFor(alice).participants());
            assertTrue(copy.reconcile(NODE, Map.of(alice, 1, bob, 1, carol, 1)).isEmpty(), "nobody joins again");
            assertEquals(List.of(), copy.disconnect(bob, OTHER_NODE), "Bob is still here on the other node");
            assertEquals(List.of(new ParticipantDisconnected(bob)), copy.disconnect(bob, NODE));
        }

        @Test
        void presenceOfSeatsThatWereGivenUpIsNotRestored() {
            seatThree();
            Map<UUID, Map<String, Integer>> presence = live.presence();
            live.leave(carol);
            LiveRoom copy = rebuilt();

            copy.restorePresence(presence);

            assertFalse(copy.isConnected(carol));
            assertTrue(copy.isConnected(alice));
        }

        @Test
        void presenceIsAValueThatLaterChangesDoNotReach() {
            seatThree();
            Map<UUID, Map<String, Integer>> before = live.presence();

            live.disconnect(carol, NODE);

            assertEquals(Map.of(NODE, 1), before.get(carol));
            assertFalse(live.presence().containsKey(carol));
        }

        @Test
        void theCurrentRoundKeepsItsStartAndItsReveal() {
            seatThree();
            Instant later = now.plusSeconds(90);
            live.startRound(alice, "Login page", null, later);
            live.castVote(bob, "5", later);
            Instant revealedAt = later.plusSeconds(30);
            live.reveal(alice, revealedAt);

            Round round = live.currentRound();

            assertEquals(new Round(room.id(), 2, null, "Login page", later, revealedAt, round.stats()), round);
            assertEquals(1, round.stats().count());
        }
    }
}
