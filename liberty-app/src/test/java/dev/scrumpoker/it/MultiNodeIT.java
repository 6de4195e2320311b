package dev.scrumpoker.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One room played across two nodes on one PostgreSQL and one Redis: participants on either node see each other's
 * joins, votes, the reveal and its statistics, and every participant sees one gap-free {@code seq} order, even when
 * both nodes take votes at the same moment.
 */
class MultiNodeIT extends TwoNodeTest {


    @Test
    void participantsOnTwoNodesPlayOneRoomAsOnOne() {
        Api.User owner = Api.freshGuest();
        String roomId = Api.createRoom(owner).getString("id");
        RoomClient host = connect(Server.A, roomId, owner, "host@A");
        host.join("VOTER");
        RoomClient bea = connect(Server.B, roomId, Api.guest("Bea"), "bea@B");
        JsonObject beaState = bea.join("VOTER").getJsonObject("payload");
        assertEquals(2, beaState.getJsonArray("participants").size(), "B's joiner sees the host on A");
        assertEquals(bea.participantId(),
                host.awaitPayload("participant.joined.v1").getJsonObject("participant").getString("id"),
                "A's host sees B's joiner");
        RoomClient alf = connect(Server.A, roomId, Api.guest("Alf"), "alf@A");
        alf.join("VOTER");
        RoomClient olga = connect(Server.B, roomId, Api.guest("Olga"), "olga@B");
        olga.join("OBSERVER");

        String beaVote = bea.send("vote.cast.v1", Jsons.object("cardValue", "5"));
        assertEquals("vote.recorded.v1", bea.awaitReply(beaVote).getString("type"), "B's voter is answered on B");
        for (RoomClient other : List.of(host, alf, olga)) {
            assertEquals(bea.participantId(), other.awaitPayload("vote.recorded.v1").getString("participantId"));
        }
        host.awaitReply(host.send("vote.cast.v1", Jsons.object("cardValue", "8")));
        alf.awaitReply(alf.send("vote.cast.v1", Jsons.object("cardValue", "5")));

        String revealId = host.send("round.reveal.v1");
        List<JsonObject> reveals = new ArrayList<>();
        reveals.add(host.awaitReply(revealId).getJsonObject("payload"));
        for (RoomClient other : List.of(bea, alf, olga)) {
            reveals.add(other.awaitPayload("round.revealed.v1"));
        }
        for (JsonObject revealed : reveals) {
            assertEquals(reveals.get(0), revealed, "everyone on both nodes sees the same reveal");
            Map<String, String> cards = revealed.getJsonArray("votes").getValuesAs(JsonObject.class).stream()
                    .collect(Collectors.toMap(v -> v.getString("participantId"), v -> v.getString("cardValue")));
            assertEquals(Map.of(host.participantId(), "8", bea.participantId(), "5", alf.participantId(), "5"), cards);
            assertEquals(3, revealed.getJsonObject("stats").getInt("count"));
            assertEquals(List.of("5"), revealed.getJsonObject("stats").getJsonArray("mode").getValuesAs(
                    jakarta.json.JsonNumber.class).stream().map(n -> n.bigDecimalValue().toPlainString()).toList());
        }

        JsonObject fromB = olga.sync().getJsonObject("payload");
        JsonObject fromA = alf.sync().getJsonObject("payload");
        assertEquals(fromA.getJsonArray("participants"), fromB.getJsonArray("participants"),
                "both nodes show the same seats, presence and votes");
        assertEquals(fromA.getJsonNumber("seq"), fromB.getJsonNumber("seq"));
        Frames.assertSameEventsEverywhere(clients());
    }

    @Test
    void votesTakenByBothNodesAtOnceGetOneGapFreeOrder() throws Exception {
        int votersPerNode = 3;
        int votesEach = 15;
        Api.User owner = Api.freshGuest();
        String roomId = Api.createRoom(owner).getString("id");
        connect(Server.A, roomId, owner, "host@A").join("VOTER");
        List<RoomClient> voters = new ArrayList<>();
        for (int i = 0; i < votersPerNode * 2; i++) {
            Server node = i % 2 == 0 ? Server.A : Server.B;
            RoomClient voter = connect(node, roomId, Api.guest("Voter " + i), "v" + i + "@" + (i % 2 == 0 ? "A" : "B"));
            voter.join("VOTER");
            voters.add(voter);
        }
        long before = Frames.seq(clients().get(0).sync());

        String[] cards = {"1", "2", "3", "5", "8"};
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(voters.size());
        try {
            List<CompletableFuture<Void>> done = new ArrayList<>();
            for (RoomClient voter : voters) {
                done.add(CompletableFuture.runAsync(() -> {
                    awaitQuietly(start);
                    for (int v = 0; v < votesEach; v++) {
                        JsonObject ack = voter.awaitReply(voter.send("vote.cast.v1",
                                Jsons.object("cardValue", cards[v % cards.length])));
                        assertEquals("vote.recorded.v1", ack.getString("type"), () -> "refused: " + ack);
                    }
                }, pool));
            }
            start.countDown();
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get();
        } finally {
            pool.shutdownNow();
        }

        long last = before + (long) voters.size() * votesEach;
        for (RoomClient client : clients()) {
            await(client + " received every vote").atMost(Duration.ofSeconds(20))
                    .until(() -> client.frames().stream().anyMatch(f -> f.containsKey("seq") && Frames.seq(f) == last));
        }
        Frames.assertSameEventsEverywhere(clients());
        for (RoomClient client : clients()) {
            List<JsonObject> events = Frames.assertGapFreeSeq(client);
            assertEquals(last, Frames.seq(events.get(events.size() - 1)), () -> client + " ends at the room's last seq");
            assertTrue(events.stream().filter(e -> Frames.seq(e) > before)
                    .allMatch(e -> e.getString("type").equals("vote.recorded.v1")));
        }
    }

    /**
     * Every owner control, sent from both nodes: whichever node plays the room, the commands of the other cross to
     * it and their answers come back.
     */
    @Test
    void theRoomsOwnerControlsItFromEitherNode() {
        Api.User owner = Api.freshGuest();
        Api.User stranger = Api.freshGuest();
        String roomId = Api.createRoom(owner).getString("id");
        RoomClient first = connect(Server.A, roomId, stranger, "stranger@A");
        first.join("VOTER");
        RoomClient ownerOnB = connect(Server.B, roomId, owner, "owner@B");
        ownerOnB.join("VOTER");
        RoomClient ownerOnA = connect(Server.A, roomId, owner, "owner@A");
        ownerOnA.join("VOTER");

        assertEquals("host.changed.v1", ownerOnB.awaitReply(ownerOnB.send("host.claim.v1")).getString("type"));
        ownerOnA.sendExpectingError("host.claim.v1", Jsons.object(), "INVALID_MESSAGE");
        for (RoomClient tab : List.of(ownerOnA, ownerOnB)) {
            assertEquals("invite.rotated.v1", tab.awaitReply(tab.send("invite.rotate.v1")).getString("type"), tab + " rotates");
        }
        RoomClient strangerClient = first;
        for (List<RoomClient> kickerThenUnbanner : List.of(List.of(ownerOnA, ownerOnB), List.of(ownerOnB, ownerOnA))) {
            String seat = strangerClient.participantId();
            RoomClient kicker = kickerThenUnbanner.get(0);
            RoomClient unbanner = kickerThenUnbanner.get(1);
            assertEquals("participant.left.v1", kicker.awaitReply(kicker.send("participant.kick.v1",
                    Jsons.object("participantId", seat))).getString("type"), kicker + " kicks");
            strangerClient.awaitClose();
            assertEquals("participant.unbanned.v1", unbanner.awaitReply(unbanner.send("participant.unban.v1",
                    Jsons.object("participantId", seat))).getString("type"), unbanner + " lets them back in");
            strangerClient = connect(Server.A, roomId, stranger, "stranger@A again");
            assertEquals(seat, strangerClient.join("VOTER").getJsonObject("payload").getJsonObject("you")
                    .getString("participantId"), "let back in, as the same participant");
        }
    }

    /** The backlog's messages from either node: each crosses to the room's owner and everyone sees one order. */
    @Test
    void theBacklogIsPlayedFromEitherNode() {
        Api.User owner = Api.freshGuest();
        String roomId = Api.createRoom(owner).getString("id");
        RoomClient hostOnA = connect(Server.A, roomId, owner, "host@A");
        hostOnA.join("VOTER");
        RoomClient hostOnB = connect(Server.B, roomId, owner, "host@B");
        hostOnB.join("VOTER");
        RoomClient watcherOnB = connect(Server.B, roomId, Api.guest("Wes"), "watcher@B");
        watcherOnB.join("OBSERVER");

        String add = hostOnB.send("story.add.v1", Jsons.object("stories", Jsons.array(List.of(
                Jsons.object("key", "PROJ-1", "title", "Log in"), Jsons.object("title", "Log out")))));
        JsonArray added = hostOnB.awaitReply(add).getJsonObject("payload").getJsonArray("stories");
        String first = added.getJsonObject(0).getString("id");
        String second = added.getJsonObject(1).getString("id");
        hostOnA.awaitReply(hostOnA.send("story.move.v1", Jsons.object("storyId", second, "position", 0)));
        JsonObject started = hostOnB.awaitReply(hostOnB.send("round.start.v1")).getJsonObject("payload");
        assertEquals(second, started.getString("storyId"), "the first story in the order that B saw A make");
        hostOnA.awaitReply(hostOnA.send("story.estimate.v1", Jsons.object("estimate", "3")));
        hostOnB.awaitReply(hostOnB.send("story.edit.v1", Jsons.object("storyId", first, "title", "Sign in")));
        hostOnA.awaitReply(hostOnA.send("story.remove.v1", Jsons.object("storyId", first)));

        assertEquals(first, watcherOnB.awaitPayload("story.removed.v1").getString("storyId"));
        assertEquals(Jsons.object("total", 1, "estimated", 1),
                watcherOnB.sync().getJsonObject("payload").getJsonObject("backlog"));
        Frames.assertSameEventsEverywhere(clients());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
