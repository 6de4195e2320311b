package dev.scrumpoker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A node is killed with SIGKILL in the middle of a round. The other node notices its lease ran out and shows its
 * participants as disconnected (not as ghosts, and with seats and votes kept); they reconnect through the other
 * node, as a balancer would send them, and get their seats and acknowledged votes back.
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

    private static JsonObject seat(JsonObject state, String participantId) {
        return state.getJsonArray("participants").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("id").equals(participantId)).findFirst().orElseThrow();
    }
}
