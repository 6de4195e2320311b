package dev.scrumpoker.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Redis goes away and comes back empty, under a room played on two nodes. While it is away both nodes say they
 * are not ready and refuse changes with UNAVAILABLE; when it is back they reconnect and resubscribe by themselves,
 * rebuild the room from PostgreSQL, send every connection the room's state (with every acknowledged vote), and the
 * room plays on across both nodes with its {@code seq} going forward.
 */
class RedisOutageIT extends TwoNodeTest {

    @Test
    void aRoomSurvivesRedisLosingEverything() {
        Api.User owner = Api.freshGuest();
        String roomId = Api.createRoom(owner).getString("id");
        RoomClient host = connect(Server.A, roomId, owner, "host@A");
        host.join("VOTER");
        RoomClient bea = connect(Server.B, roomId, Api.guest("Bea"), "bea@B");
        bea.join("VOTER");
        host.awaitReply(host.send("vote.cast.v1", Jsons.object("cardValue", "3")));
        bea.awaitReply(bea.send("vote.cast.v1", Jsons.object("cardValue", "8")));

        Services.stopRedis();
        try {
            for (Server node : List.of(Server.A, Server.B)) {
                await(node + " not ready without Redis").atMost(RECOVERY).ignoreExceptions()
                        .until(() -> node.status("/health/ready") == 503);
            }
            JsonObject refused = bea.awaitReply(bea.send("vote.cast.v1", Jsons.object("cardValue", "13")));
            assertEquals("error.v1", refused.getString("type"));
            assertEquals("UNAVAILABLE", refused.getJsonObject("payload").getString("code"));
        } finally {
            Services.start();
        }
        awaitBothReady();

        // Each node resynchronises its own connections: the state carries every acknowledged vote.
        assertEquals("3", resyncedState(host).getJsonObject("you").getString("cardValue"));
        assertEquals("8", resyncedState(bea).getJsonObject("you").getString("cardValue"));

        // Events cross the nodes again: the topic subscription came back by itself.
        bea.awaitReply(bea.send("vote.cast.v1", Jsons.object("cardValue", "13")));
        assertEquals(bea.participantId(), host.awaitPayload("vote.recorded.v1").getString("participantId"));
        JsonObject revealed = host.awaitReply(host.send("round.reveal.v1")).getJsonObject("payload");
        assertEquals(revealed, bea.awaitPayload("round.revealed.v1"));
        Map<String, String> cards = revealed.getJsonArray("votes").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(v -> v.getString("participantId"), v -> v.getString("cardValue")));
        assertEquals(Map.of(host.participantId(), "3", bea.participantId(), "13"), cards);
        Frames.assertSameEventsEverywhere(clients());
    }

    /** The room.state.v1 a node sends unasked after it resynchronised. */
    private static JsonObject resyncedState(RoomClient client) {
        return client.awaitFrame("room.state.v1", frame -> !frame.containsKey("requestId"), RECOVERY)
                .getJsonObject("payload");
    }
}
