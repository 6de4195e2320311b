package dev.scrumpoker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seats outlive connections: a dropped connection is announced with participant.disconnected.v1, and coming back
 * with a token of the same user restores the same participantId, role, host status and vote, announced to the
 * others with participant.joined.v1. One user may hold several connections (tabs) on one seat.
 */
class ReconnectIT {

    private final List<RoomClient> clients = new ArrayList<>();

    @BeforeAll
    static void serverIsReady() {
        Server.A.awaitReady();
    }

    @AfterEach
    void hangUp() {
        clients.forEach(RoomClient::close);
    }

    private RoomClient connect(String roomId, Api.User user, String name) {
        RoomClient client = RoomClient.connect(roomId, user).named(name);
        clients.add(client);
        return client;
    }

    @Test
    void droppedVoterIsAnnouncedAndGetsSeatRoleAndVoteBack() {
        Api.User owner = Api.freshGuest();
        Api.User alice = Api.guest("Alice");
        Api.User olga = Api.guest("Olga");
        String roomId = Api.createRoom(owner).getString("id");
        RoomClient host = connect(roomId, owner, "host");
        host.join("VOTER");
        RoomClient voter = connect(roomId, alice, "alice");
        voter.join("VOTER");
        RoomClient observer = connect(roomId, olga, "olga");
        observer.join("OBSERVER");
        voter.awaitReply(voter.send("vote.cast.v1", Jsons.object("cardValue", "13")));
        String seat = voter.participantId();

        voter.drop();

        for (RoomClient other : List.of(host, observer)) {
            assertEquals(seat, other.awaitPayload("participant.disconnected.v1").getString("participantId"));
        }
        JsonObject whileAway = participant(host.sync().getJsonObject("payload"), seat);
        assertFalse(whileAway.getBoolean("connected"), "the seat is shown disconnected");
        assertTrue(whileAway.getBoolean("hasVoted"), "the vote stays while away");

        // Back, asking for another role and name: the seat comes back as it was.
        RoomClient back = connect(roomId, alice, "alice-again");
        JsonObject state = back.join("Someone else", "OBSERVER").getJsonObject("payload");

        assertEquals(seat, state.getJsonObject("you").getString("participantId"), "the same participantId");
        assertEquals("13", state.getJsonObject("you").getString("cardValue"), "the vote is back");
        JsonObject restored = participant(state, seat);
        assertEquals("VOTER", restored.getString("role"));
        assertEquals("Alice", restored.getString("displayName"));
        assertFalse(restored.getBoolean("host"));
        assertTrue(restored.getBoolean("connected"));
        assertTrue(restored.getBoolean("hasVoted"));
        assertEquals(3, state.getJsonArray("participants").size(), "no second seat was made");
        for (RoomClient other : List.of(host, observer)) {
            JsonObject joined = other.awaitPayload("participant.joined.v1").getJsonObject("participant");
            assertEquals(seat, joined.getString("id"));
            assertTrue(joined.getBoolean("connected"));
            assertTrue(joined.getBoolean("hasVoted"));
        }

        // The vote counts in the reveal as if nothing happened.
        host.awaitReply(host.send("round.reveal.v1"));
        JsonObject revealed = back.awaitPayload("round.revealed.v1");
        assertEquals("13", revealed.getJsonArray("votes").getJsonObject(0).getString("cardValue"));
        for (RoomClient client : List.of(host, observer, back)) {
            Frames.assertGapFreeSeq(client);
        }
    }

    @Test
    void droppedHostStaysHostAndKeepsHostPowers() {
        Api.User owner = Api.guest("Hanna");
        String roomId = Api.createRoom(owner).getString("id");
        RoomClient host = connect(roomId, owner, "host");
        host.join("VOTER");
        RoomClient voter = connect(roomId, Api.freshGuest(), "voter");
        voter.join("VOTER");
        host.awaitReply(host.send("vote.cast.v1", Jsons.object("cardValue", "8")));
        String hostSeat = host.participantId();

        host.drop();
        assertEquals(hostSeat, voter.awaitPayload("participant.disconnected.v1").getString("participantId"));
        voter.sendExpectingError("round.reveal.v1", Jsons.object(), "FORBIDDEN"); // no hostless takeover

        RoomClient back = connect(roomId, owner, "host-again");
        JsonObject state = back.join("VOTER").getJsonObject("payload");

        assertEquals(hostSeat, state.getJsonObject("you").getString("participantId"));
        assertEquals("8", state.getJsonObject("you").getString("cardValue"));
        assertTrue(participant(state, hostSeat).getBoolean("host"), "still the host");
        JsonObject joined = voter.awaitPayload("participant.joined.v1").getJsonObject("participant");
        assertEquals(hostSeat, joined.getString("id"));
        assertTrue(joined.getBoolean("host"));
        back.awaitReply(back.send("round.reveal.v1"));
        assertEquals(1, voter.awaitPayload("round.revealed.v1").getInt("roundNumber"), "host powers are back");
    }

    @Test
    void newTokenOfTheSameAccountRestoresTheSeat() {
        String password = "correct horse battery";
        Api.Registered account = Api.register("Rita", password);
        Api.User owner = Api.freshGuest();
        String roomId = Api.createRoom(owner).getString("id");
        RoomClient host = connect(roomId, owner, "host");
        host.join("VOTER");
        RoomClient laptop = connect(roomId, account.user(), "laptop");
        laptop.join("OBSERVER");
        laptop.close();
        host.awaitFrame("participant.disconnected.v1");

        // Logging in again (say, on another device) issues a different token for the same user.
        Api.User again = Api.user(Api.post("/auth/login", null,
                Jsons.object("email", account.email(), "password", password)).expect(200));
        RoomClient phone = connect(roomId, again, "phone");
        JsonObject state = phone.join("VOTER").getJsonObject("payload");

        assertFalse(again.token().equals(account.user().token()), "a fresh token");
        assertEquals(laptop.participantId(), state.getJsonObject("you").getString("participantId"));
        assertEquals("OBSERVER", participant(state, laptop.participantId()).getString("role"));
    }

    @Test
    void severalTabsOfOneUserShareOneSeat() {
        Api.User owner = Api.freshGuest();
        Api.User bob = Api.guest("Bob");
        String roomId = Api.createRoom(owner).getString("id");
        RoomClient host = connect(roomId, owner, "host");
        host.join("VOTER");
        RoomClient tab1 = connect(roomId, bob, "tab1");
        tab1.join("VOTER");
        assertEquals(tab1.participantId(), host.awaitPayload("participant.joined.v1").getJsonObject("participant")
                .getString("id"));

        RoomClient tab2 = connect(roomId, bob, "tab2");
        JsonObject tab2State = tab2.join("VOTER").getJsonObject("payload");
        assertEquals(tab1.participantId(), tab2.participantId(), "both tabs sit in one seat");
        assertEquals(2, tab2State.getJsonArray("participants").size());

        // A vote from one tab is the seat's vote: both tabs hear it, and the other tab's state shows the card.
        String voteId = tab1.send("vote.cast.v1", Jsons.object("cardValue", "21"));
        JsonObject recordedInTab1 = tab1.awaitReply(voteId);
        JsonObject recordedInTab2 = tab2.awaitFrame("vote.recorded.v1");
        assertEquals(Frames.seq(recordedInTab1), Frames.seq(recordedInTab2));
        assertEquals("21", tab2.sync().getJsonObject("payload").getJsonObject("you").getString("cardValue"));
        // The second tab's join was no news to the others: the next event the host hears is the vote.
        JsonObject next = host.nextFrame();
        assertEquals("vote.recorded.v1", next.getString("type"), () -> "expected the vote, got " + next);

        // Closing one tab is not a disconnection while the other stays...
        tab1.close();
        String retractId = tab2.send("vote.retract.v1");
        tab2.awaitReply(retractId);
        JsonObject afterOneTab = host.nextFrame();
        assertEquals("vote.retracted.v1", afterOneTab.getString("type"),
                () -> "closing one of two tabs announces nothing, got " + afterOneTab);
        assertTrue(participant(host.sync().getJsonObject("payload"), tab2.participantId()).getBoolean("connected"));

        // ...closing the last one is.
        tab2.drop();
        assertEquals(tab2.participantId(),
                host.awaitPayload("participant.disconnected.v1").getString("participantId"));
        Frames.assertGapFreeSeq(host);
    }

    @Test
    void leavingIsNotADisconnection() {
        Api.User owner = Api.freshGuest();
        String roomId = Api.createRoom(owner).getString("id");
        RoomClient host = connect(roomId, owner, "host");
        host.join("VOTER");
        RoomClient voter = connect(roomId, Api.freshGuest(), "voter");
        voter.join("VOTER");

        voter.awaitReply(voter.send("room.leave.v1"));
        voter.close();

        JsonObject left = host.awaitPayload("participant.left.v1");
        assertEquals(voter.participantId(), left.getString("participantId"));
        assertEquals("LEFT", left.getString("reason"));
        // The next event after the leave is the host's own vote, not a disconnection of the seat that left.
        host.awaitReply(host.send("vote.cast.v1", Jsons.object("cardValue", "1")));
        List<JsonObject> events = Frames.assertGapFreeSeq(host);
        assertEquals(List.of("participant.joined.v1", "participant.left.v1", "vote.recorded.v1"),
                events.stream().map(e -> e.getString("type")).toList());
    }

    /**
     * A storm of reconnects must not leave an HTTP session per connection behind: rooms authenticate by token, and
     * the handshake creates no session (so its response sets no session cookie). Coming back with the same token
     * (verified before, remembered) works like the first time.
     */
    @Test
    void handshakesStartNoHttpSessionAndTheSameTokenComesBack() {
        Api.User owner = Api.freshGuest();
        String roomId = Api.createRoom(owner).getString("id");
        RoomClient first = connect(roomId, owner, "first");
        first.join("VOTER");
        String seat = first.participantId();
        first.close();
        for (int connection = 1; connection <= 2; connection++) {
            try (RawWebSocket raw = RawWebSocket.open(RoomClient.uri(roomId, owner.token(), null))) {
                String head = raw.responseHead().toLowerCase(Locale.ROOT);
                assertTrue(head.startsWith("http/1.1 101"), head);
                assertFalse(head.contains("set-cookie"), "connection " + connection + " got a session: " + head);
            }
        }
        RoomClient back = connect(roomId, owner, "back");
        back.join("VOTER");
        assertEquals(seat, back.participantId());
    }

    private static JsonObject participant(JsonObject state, String participantId) {
        return state.getJsonArray("participants").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("id").equals(participantId)).findFirst()
                .orElseThrow(() -> new AssertionError(participantId + " is not in " + state));
    }
}
