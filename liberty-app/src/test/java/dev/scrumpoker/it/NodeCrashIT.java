package dev.scrumpoker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A node is killed with SIGKILL in the middle of a round. When it only held connections, the room's owner lets them
 * go once its lease ran out; when it played the room, the other node takes the room over from PostgreSQL within the
 * lease, with every acknowledged vote and its {@code seq} going on, and the clients of the dead node get their seats
 * and votes back there.
 */
class NodeCrashIT extends TwoNodeTest {

    /** The lease (10 s) plus a heartbeat or two, with room to spare on a busy machine. */
    private static final Duration LEASE_RUNS_OUT = Duration.ofSeconds(40);

    @Test
    void theClientsOfAKilledNodeGetTheirSeatsAndVotesBackOnTheOther() {
        Api.User owner = Api.freshGuest();
        String roomId = Api.createRoom(owner).getString("id");
        RoomClient host = connect(Server.A, roomId, owner, "host@A");
        host.join("VOTER");
        awaitOwner(roomId, Server.A, RECOVERY);
        Api.User beaUser = Api.guest("Bea");
        RoomClient bea = connect(Server.B, roomId, beaUser, "bea@B");
        bea.join("VOTER");
        String beaSeat = bea.participantId();
        assertEquals("vote.recorded.v1",
                bea.awaitReply(bea.send("vote.cast.v1", Jsons.object("cardValue", "8"))).getString("type"));

        Server.B.kill();

        assertEquals(RoomClient.ABNORMAL_CLOSURE, bea.awaitClose(), "a killed node closes nothing politely");
        host.awaitFrame("participant.disconnected.v1",
                frame -> beaSeat.equals(frame.getJsonObject("payload").getString("participantId")), LEASE_RUNS_OUT);
        JsonObject seen = seat(host.sync().getJsonObject("payload"), beaSeat);
        assertFalse(seen.getBoolean("connected"), "no ghost: the seat shows as disconnected");
        assertTrue(seen.getBoolean("hasVoted"), "the seat keeps its vote");

        RoomClient back = connect(Server.A, roomId, beaUser, "bea-back@A");
        JsonObject state = back.join("VOTER").getJsonObject("payload");
        assertEquals(beaSeat, state.getJsonObject("you").getString("participantId"), "the same seat");
        assertEquals("8", state.getJsonObject("you").getString("cardValue"), "the acknowledged vote");
        assertTrue(host.awaitPayload("participant.joined.v1").getJsonObject("participant").getBoolean("connected"));

        JsonObject revealed = host.awaitReply(host.send("round.reveal.v1")).getJsonObject("payload");
        assertEquals(1, revealed.getJsonObject("stats").getInt("count"));
        assertEquals(revealed, back.awaitPayload("round.revealed.v1"));
        Frames.assertGapFreeSeq(host);
        Frames.assertGapFreeSeq(back);
    }

    @Test
    void theRoomsOfAKilledOwnerPlayOnOnTheOtherNodeWithEveryAcknowledgedVote() {
        Api.User ownerUser = Api.freshGuest();
        String roomId = Api.createRoom(ownerUser).getString("id");
        RoomClient host = connect(Server.B, roomId, ownerUser, "host@B");
        String hostSeat = host.join("VOTER").getJsonObject("payload").getJsonObject("you").getString("participantId");
        awaitOwner(roomId, Server.B, RECOVERY);
        RoomClient bea = connect(Server.A, roomId, Api.guest("Bea"), "bea@A");
        bea.join("VOTER");
        RoomClient cal = connect(Server.A, roomId, Api.guest("Cal"), "cal@A");
        cal.join("VOTER");
        acknowledged(host, "3");
        acknowledged(bea, "5");
        acknowledged(cal, "8");
        long epochBefore = epoch(roomId);

        Server.B.kill();

        // Node A takes the room within the lease and sends its own connections the room as PostgreSQL has it.
        JsonObject resynced = bea.awaitFrame("room.state.v1", frame -> !frame.containsKey("requestId"),
                LEASE_RUNS_OUT).getJsonObject("payload");
        assertEquals("5", resynced.getJsonObject("you").getString("cardValue"));
        assertTrue(Server.A.isNode(ownerOf(roomId)), "node A plays the room now");
        assertTrue(epoch(roomId) > epochBefore, "taking the room over raised its epoch");
        assertFalse(seat(resynced, hostSeat).getBoolean("connected"), "the dead node's host shows disconnected");
        assertTrue(seat(resynced, hostSeat).getBoolean("hasVoted"), "and keeps the vote it had acknowledged");

        RoomClient hostBack = connect(Server.A, roomId, ownerUser, "host-back@A");
        JsonObject state = hostBack.join("VOTER").getJsonObject("payload");
        assertEquals(hostSeat, state.getJsonObject("you").getString("participantId"), "the same seat");
        assertEquals("3", state.getJsonObject("you").getString("cardValue"), "the acknowledged vote");
        assertTrue(seat(state, hostSeat).getBoolean("host"), "still the host");

        JsonObject revealed = hostBack.awaitReply(hostBack.send("round.reveal.v1")).getJsonObject("payload");
        assertEquals(Map.of(hostSeat, "3", bea.participantId(), "5", cal.participantId(), "8"), cards(revealed));
        assertEquals(revealed, bea.awaitPayload("round.revealed.v1"));
        assertEquals(revealed, cal.awaitPayload("round.revealed.v1"));
        Frames.assertSameEventsEverywhere(List.of(bea, cal, hostBack));
    }

    /** Casts the card and asserts the vote was recorded. */
    static void acknowledged(RoomClient voter, String card) {
        JsonObject answer = voter.awaitReply(voter.send("vote.cast.v1", Jsons.object("cardValue", card)));
        assertEquals("vote.recorded.v1", answer.getString("type"), answer::toString);
    }

    private static long epoch(String roomId) {
        return Database.count("SELECT epoch FROM room_play WHERE room_id = ?", roomId);
    }

    static Map<String, String> cards(JsonObject revealed) {
        return revealed.getJsonArray("votes").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(v -> v.getString("participantId"), v -> v.getString("cardValue")));
    }

    static JsonObject seat(JsonObject state, String participantId) {
        return state.getJsonArray("participants").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("id").equals(participantId)).findFirst().orElseThrow();
    }
}
