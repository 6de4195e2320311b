package dev.scrumpoker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract's durability guarantee: a vote answered with vote.recorded.v1 survives the node going away. The
 * server is stopped right after the acknowledgement and started again with its own script; the voter reconnects
 * with the same token and finds seat and vote as they were. The server is left running for the other tests.
 */
class DurabilityIT {

    @BeforeAll
    static void serverIsReady() {
        Server.A.awaitReady();
    }

    /** Whatever happened above, the tests after this one need a running server. */
    @AfterAll
    static void leaveTheServerRunning() {
        if (!Server.A.isUp()) {
            Server.A.start();
        }
        Server.A.awaitReady();
    }

    @Test
    void acknowledgedVoteSurvivesAServerRestart() {
        Api.User owner = Api.guest("Durable Dora");
        Api.User voterUser = Api.guest("Durable Dan");
        String roomId = Api.createRoom(owner).getString("id");
        RoomClient host = RoomClient.connect(roomId, owner).named("host");
        RoomClient voter = RoomClient.connect(roomId, voterUser).named("voter");
        String hostSeat = host.join("VOTER").getJsonObject("payload").getJsonObject("you").getString("participantId");
        voter.join("VOTER");
        String voterSeat = voter.participantId();
        host.awaitReply(host.send("vote.cast.v1", Jsons.object("cardValue", "3")));
        JsonObject ack = voter.awaitReply(voter.send("vote.cast.v1", Jsons.object("cardValue", "8")));
        assertEquals("vote.recorded.v1", ack.getString("type"));

        Server.A.stop();

        assertFalse(Server.A.isUp(), "the server is down");
        host.awaitClose();
        voter.awaitClose();
        host.close();
        voter.close();

        Server.A.start();

        try (RoomClient back = RoomClient.connect(roomId, voterUser).named("voter-back");
             RoomClient hostBack = RoomClient.connect(roomId, owner).named("host-back")) {
            JsonObject state = back.join("VOTER").getJsonObject("payload");
            assertEquals(voterSeat, state.getJsonObject("you").getString("participantId"), "the same seat");
            assertEquals("8", state.getJsonObject("you").getString("cardValue"), "the acknowledged vote");
            JsonObject seat = state.getJsonArray("participants").getValuesAs(JsonObject.class).stream()
                    .filter(p -> p.getString("id").equals(voterSeat)).findFirst().orElseThrow();
            assertEquals("VOTER", seat.getString("role"));
            assertFalse(seat.getBoolean("host"));
            assertTrue(seat.getBoolean("hasVoted"));
            assertEquals(1, state.getJsonObject("round").getInt("number"));
            assertFalse(state.getJsonObject("round").getBoolean("revealed"));

            JsonObject hostState = hostBack.join("VOTER").getJsonObject("payload");
            assertEquals(hostSeat, hostState.getJsonObject("you").getString("participantId"));
            assertEquals("3", hostState.getJsonObject("you").getString("cardValue"));
            JsonObject revealed = hostBack.awaitReply(hostBack.send("round.reveal.v1")).getJsonObject("payload");
            assertEquals(2, revealed.getJsonObject("stats").getInt("count"), "both votes count after the restart");
        }
    }
}
