package dev.scrumpoker.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A node joins a cluster that is playing: the rooms that belong on it (rendezvous hashing over the live nodes) move
 * there, the others stay. Nobody is disconnected, every acknowledged vote is still there, {@code seq} goes on without a
 * gap, and the rooms play on with their new owner.
 */
class RebalanceIT extends TwoNodeTest {

    private static final int ROOMS = 12;
    /** {@code cluster.rebalance.after} (30 s) and the moves themselves, on a busy machine. */
    private static final Duration MOVED = Duration.ofSeconds(120);

    @Test
    void roomsMoveToANodeThatJoinsAndPlayOnWithNothingLost() {
        Server.B.stop();
        Map<String, RoomClient> hosts = new LinkedHashMap<>();
        for (int i = 0; i < ROOMS; i++) {
            Api.User user = Api.freshGuest();
            String roomId = Api.createRoom(user).getString("id");
            RoomClient host = connect(Server.A, roomId, user, "host" + i + "@A");
            host.join("VOTER");
            NodeCrashIT.acknowledged(host, "5");
            hosts.put(roomId, host);
            assertTrue(Server.A.isNode(ownerOf(roomId)), "node A plays every room while it is alone");
        }
        double handedOverBefore = Metrics.of("scrumpoker_rooms_handed_over_total");

        startBIfDown();

        await("rooms moved to node B").atMost(MOVED).pollInterval(Duration.ofSeconds(1))
                .until(() -> hosts.keySet().stream().anyMatch(roomId -> Server.B.isNode(ownerOf(roomId))));
        // Every room that moves does so within the same few ticks; give the last ones a moment to land.
        await("every room has its owner").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Metrics.of("scrumpoker_rooms_handed_over_total") - handedOverBefore
                        == hosts.keySet().stream().filter(roomId -> Server.B.isNode(ownerOf(roomId))).count());
        List<String> moved = new ArrayList<>();
        hosts.forEach((roomId, host) -> {
            if (Server.B.isNode(ownerOf(roomId))) {
                moved.add(roomId);
            }
        });
        assertTrue(moved.size() < ROOMS, "rooms that belong on node A stay there: " + moved.size() + " of " + ROOMS);

        for (Map.Entry<String, RoomClient> room : hosts.entrySet()) {
            RoomClient host = room.getValue();
            if (moved.contains(room.getKey())) {
                JsonObject resent = host.awaitFrame("room.state.v1", frame -> !frame.containsKey("requestId"))
                        .getJsonObject("payload");
                assertEquals("5", resent.getJsonObject("you").getString("cardValue"), "the acknowledged vote");
            }
            assertFalse(host.isClosed(), host + " stays connected");
            NodeCrashIT.acknowledged(host, "8");
            JsonObject revealed = host.awaitReply(host.send("round.reveal.v1")).getJsonObject("payload");
            assertEquals(Map.of(host.participantId(), "8"), NodeCrashIT.cards(revealed));
            Frames.assertGapFreeSeq(host);
        }

        // A newcomer on node B sits in a moved room that node B now plays, beside the host on node A.
        String roomId = moved.get(0);
        RoomClient bea = connect(Server.B, roomId, Api.guest("Bea"), "bea@B");
        bea.join("VOTER");
        RoomClient host = hosts.get(roomId);
        host.awaitReply(host.send("round.start.v1", Jsons.object("storyTitle", "After the move")));
        NodeCrashIT.acknowledged(bea, "3");
        host.awaitFrame("vote.recorded.v1",
                frame -> bea.participantId().equals(frame.getJsonObject("payload").getString("participantId")));
        Frames.assertSameEventsEverywhere(List.of(host, bea));
    }
}
