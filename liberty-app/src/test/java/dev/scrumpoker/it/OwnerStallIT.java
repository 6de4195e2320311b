package dev.scrumpoker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The node that plays a room stalls (SIGSTOP: a long GC pause, a frozen VM) past its lease. The other node takes the
 * room over and the room plays on; when the stalled node runs again it still believes it plays the room, in the state
 * it had. Whatever it then tries is fenced off by the room's epoch: nothing of its stale room lands in PostgreSQL, and
 * no client sees an event of it.
 */
class OwnerStallIT extends TwoNodeTest {

    private static final Duration LEASE_RUNS_OUT = Duration.ofSeconds(40);

    @Test
    void aStalledOwnerThatWakesUpChangesNothing() {
        Api.User hostUser = Api.freshGuest();
        String roomId = Api.createRoom(hostUser).getString("id");
        // The first connection takes the room: node B plays it; the others are on node A.
        Api.User oliUser = Api.guest("Oli");
        RoomClient oli = connect(Server.B, roomId, oliUser, "oli@B");
        awaitOwner(roomId, Server.B, RECOVERY);
        RoomClient host = connect(Server.A, roomId, hostUser, "host@A");
        host.join("VOTER");
        oli.join("VOTER");
        RoomClient bea = connect(Server.A, roomId, Api.guest("Bea"), "bea@A");
        bea.join("VOTER");
        assertEquals("vote.recorded.v1", bea.awaitReply(bea.send("vote.cast.v1", Jsons.object("cardValue", "5")))
                .getString("type"));
        assertEquals("vote.recorded.v1", oli.awaitReply(oli.send("vote.cast.v1", Jsons.object("cardValue", "3")))
                .getString("type"));

        Server.B.pause();
        String staleVote;
        try {
            host.awaitFrame("room.state.v1", frame -> !frame.containsKey("requestId"), LEASE_RUNS_OUT);
            awaitOwner(roomId, Server.A, RECOVERY);
            JsonObject revealed = host.awaitReply(host.send("round.reveal.v1")).getJsonObject("payload");
            assertEquals(Map.of(bea.participantId(), "5", oli.participantId(), "3"), NodeCrashIT.cards(revealed),
                    "every acknowledged vote, the stalled node's connection's too");
            host.awaitReply(host.send("round.start.v1", Jsons.object("storyTitle", "Round two")));
            // Sent to the stalled node, which reads it when it runs again: round 1 is still open in its memory.
            staleVote = oli.send("vote.cast.v1", Jsons.object("cardValue", "13"));
        } finally {
            Server.B.resume();
        }

        JsonObject answer = oli.awaitReply(staleVote, RECOVERY);
        if (answer.getString("type").equals("vote.recorded.v1")) {
            assertEquals(2, answer.getJsonObject("payload").getInt("roundNumber"),
                    "decided again by the room's owner now, in the round that is open");
        }
        assertEquals(List.of("3", "5"), Database.column(
                "SELECT card_value FROM votes WHERE room_id = ? AND round_number = 1 ORDER BY card_value", roomId),
                "round 1 has exactly the votes that were revealed");
        assertEquals(2, Database.count(
                "SELECT vote_count FROM round_history WHERE room_id = ? AND number = 1", roomId));
        assertTrue(Server.A.isNode(ownerOf(roomId)), "the room stays with node A");

        JsonObject voteAfter = bea.awaitReply(bea.send("vote.cast.v1", Jsons.object("cardValue", "8")));
        assertEquals("vote.recorded.v1", voteAfter.getString("type"), voteAfter::toString);
        assertEquals(bea.participantId(), host.awaitFrame("vote.recorded.v1",
                frame -> frame.getJsonObject("payload").getInt("roundNumber") == 2
                        && bea.participantId().equals(frame.getJsonObject("payload").getString("participantId")))
                .getJsonObject("payload").getString("participantId"));
        for (RoomClient client : List.of(host, bea)) {
            assertTrue(Frames.assertGapFreeSeq(client).stream().noneMatch(event ->
                            event.getString("type").equals("vote.recorded.v1")
                                    && event.getJsonObject("payload").getInt("roundNumber") == 1
                                    && oli.participantId().equals(event.getJsonObject("payload").getString("participantId"))
                                    && Frames.seq(event) > Frames.seq(revealedEvent(client))),
                    client + " saw no vote for round 1 after its reveal");
        }
        Frames.assertSameEventsEverywhere(List.of(host, bea));
    }

    private static JsonObject revealedEvent(RoomClient client) {
        return client.frames().stream().filter(frame -> frame.getString("type").equals("round.revealed.v1"))
                .findFirst().orElseThrow();
    }
}
