package dev.scrumpoker.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Redis goes away (and comes back empty). Redis only coordinates nodes and carries what crosses them: a room whose
 * connections are all on the node that plays it does not notice; a room split over two nodes refuses what has to
 * cross (UNAVAILABLE) and recovers by itself once Redis is back; {@code seq} lives in PostgreSQL and never repeats.
 */
class RedisOutageIT extends TwoNodeTest {

    /** How long Redis stays away while a room plays on. */
    private static final Duration OUTAGE = Duration.ofSeconds(10);

    @Test
    void aRoomWhoseConnectionsAreAllOnItsOwnerPlaysThroughTheOutageWithoutARefusal() {
        Api.User owner = Api.freshGuest();
        String roomId = Api.createRoom(owner).getString("id");
        RoomClient host = connect(Server.A, roomId, owner, "host@A");
        host.join("VOTER");
        RoomClient bea = connect(Server.A, roomId, Api.guest("Bea"), "bea@A");
        bea.join("VOTER");
        RoomClient cal = connect(Server.A, roomId, Api.guest("Cal"), "cal@A");
        cal.join("OBSERVER");

        Services.stopRedis();
        List<JsonObject> refusals = new ArrayList<>();
        int rounds = 0;
        try {
            await("node A not ready without Redis").atMost(RECOVERY).ignoreExceptions()
                    .until(() -> Server.A.status("/health/ready") == 503);
            long until = System.nanoTime() + OUTAGE.toNanos();
            while (System.nanoTime() < until) {
                refusals.addAll(playOneRound(host, bea, "Story " + ++rounds));
                // People take a moment between rounds (and stay under the flood limit); Redis is still away.
                await("a moment at the table").pollDelay(Duration.ofMillis(400)).atMost(Duration.ofSeconds(5))
                        .ignoreExceptions().until(() -> Server.A.status("/health/ready") == 503);
            }
        } finally {
            Services.start();
        }
        awaitBothReady();
        refusals.addAll(playOneRound(host, bea, "After the outage"));

        assertEquals(List.of(), refusals, "nothing was refused while Redis was away");
        assertTrue(rounds >= 2, "rounds were played during the outage: " + rounds);
        Frames.assertSameEventsEverywhere(clients());
    }

    @Test
    void aRoomSplitOverTwoNodesRefusesWhatMustCrossThenRecoversByItself() {
        Api.User owner = Api.freshGuest();
        String roomId = Api.createRoom(owner).getString("id");
        RoomClient host = connect(Server.A, roomId, owner, "host@A");
        host.join("VOTER");
        awaitOwner(roomId, Server.A, RECOVERY);
        RoomClient bea = connect(Server.B, roomId, Api.guest("Bea"), "bea@B");
        bea.join("VOTER");
        assertEquals("vote.recorded.v1", bea.awaitReply(bea.send("vote.cast.v1", Jsons.object("cardValue", "8")))
                .getString("type"));

        Services.stopRedis();
        try {
            JsonObject refused = bea.awaitReply(bea.send("vote.cast.v1", Jsons.object("cardValue", "13")));
            assertEquals("error.v1", refused.getString("type"), refused::toString);
            assertEquals("UNAVAILABLE", refused.getJsonObject("payload").getString("code"));
            JsonObject local = host.awaitReply(host.send("vote.cast.v1", Jsons.object("cardValue", "3")));
            assertEquals("vote.recorded.v1", local.getString("type"), "the owner's own connections play on");
        } finally {
            Services.start();
        }
        awaitBothReady();

        // Node B tells the owner again who it holds; the state it gets back has what B missed meanwhile.
        JsonObject resynced = bea.awaitFrame("room.state.v1", frame -> !frame.containsKey("requestId"), RECOVERY)
                .getJsonObject("payload");
        assertEquals("8", resynced.getJsonObject("you").getString("cardValue"), "the acknowledged vote, not the refused one");
        assertTrue(NodeCrashIT.seat(resynced, host.participantId()).getBoolean("hasVoted"),
                "the host's vote cast during the outage");

        await("votes cross the nodes again").atMost(RECOVERY).pollInterval(Duration.ofSeconds(1)).until(() ->
                bea.awaitReply(bea.send("vote.cast.v1", Jsons.object("cardValue", "13"))).getString("type")
                        .equals("vote.recorded.v1"));
        JsonObject revealed = host.awaitReply(host.send("round.reveal.v1")).getJsonObject("payload");
        assertEquals(revealed, bea.awaitPayload("round.revealed.v1"));
        assertEquals(Map.of(host.participantId(), "3", bea.participantId(), "13"), NodeCrashIT.cards(revealed));
        Frames.assertSameEventsEverywhere(clients());
    }

    @Test
    void noSeqIsReusedWhenRedisLosesEverything() {
        Api.User owner = Api.freshGuest();
        String roomId = Api.createRoom(owner).getString("id");
        RoomClient host = connect(Server.A, roomId, owner, "host@A");
        host.join("VOTER");
        RoomClient bea = connect(Server.B, roomId, Api.guest("Bea"), "bea@B");
        bea.join("VOTER");
        playOneRound(host, bea, "Before");
        long before = Frames.seq(host.sync());

        Services.stopRedis();
        Services.start();
        awaitBothReady();

        await("the room plays across both nodes again").atMost(RECOVERY).pollInterval(Duration.ofSeconds(1))
                .until(() -> playOneRound(host, bea, "After").isEmpty());
        assertTrue(Frames.seq(host.sync()) > before, "seq goes on");
        long saved = Database.count("SELECT seq FROM room_play WHERE room_id = ?", roomId);
        assertTrue(saved > before, "PostgreSQL keeps the room's seq: " + saved);
        Frames.assertSameEventsEverywhere(clients());
    }

    /** The voter and the host vote, the host reveals and starts the next round; answers the refusals. */
    private static List<JsonObject> playOneRound(RoomClient host, RoomClient voter, String nextStory) {
        List<JsonObject> refusals = new ArrayList<>();
        for (String[] step : new String[][] {{"voter", "vote.cast.v1", "5"}, {"host", "vote.cast.v1", "8"},
                {"host", "round.reveal.v1", null}, {"host", "round.start.v1", nextStory}}) {
            RoomClient client = step[0].equals("host") ? host : voter;
            JsonObject payload = step[1].equals("vote.cast.v1") ? Jsons.object("cardValue", step[2])
                    : step[1].equals("round.start.v1") ? Jsons.object("storyTitle", step[2]) : Jsons.object();
            JsonObject answer = client.awaitReply(client.send(step[1], payload));
            if (answer.getString("type").equals("error.v1")) {
                refusals.add(answer);
            }
        }
        return refusals;
    }
}
