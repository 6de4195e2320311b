package dev.scrumpoker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit log and the session history in their monthly partitions: the partitions the app creates ahead, a
 * room's audit trail, where a revealed round lands, and the free plan's 20 rounds of history against a paid plan.
 */
class AuditAndHistoryIT {

    private static final DateTimeFormatter PARTITION_SUFFIX = DateTimeFormatter.ofPattern("yyyy_MM");

    @BeforeAll
    static void serverIsReady() {
        Server.A.awaitReady();
    }

    @Test
    void partitionsExistForThisMonthAndTheNextThree() {
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        for (String table : List.of("round_history", "audit_log")) {
            List<String> partitions = Database.column("""
                    SELECT child.relname FROM pg_inherits
                    JOIN pg_class child ON child.oid = pg_inherits.inhrelid
                    JOIN pg_class parent ON parent.oid = pg_inherits.inhparent
                    WHERE parent.relname = ?""", table);
            for (int ahead = 0; ahead <= 3; ahead++) {
                String expected = table + "_" + now.plusMonths(ahead).format(PARTITION_SUFFIX);
                assertTrue(partitions.contains(expected), () -> expected + " missing from " + partitions);
            }
        }
    }

    @Test
    void theOwnerReadsTheRoomsAuditTrailNewestFirstAndNobodyElseDoes() {
        Api.User owner = Api.freshGuest();
        Api.User bob = Api.freshGuest();
        Api.User mallory = Api.freshGuest();
        String roomId = Api.createRoom(owner).getString("id");
        try (RoomClient host = RoomClient.connect(roomId, owner);
             RoomClient second = RoomClient.connect(roomId, bob);
             RoomClient third = RoomClient.connect(roomId, mallory)) {
            host.join("VOTER");
            second.join("VOTER");
            third.join("VOTER");
            host.awaitReply(host.send("vote.cast.v1", Jsons.object("cardValue", "3")));
            host.awaitReply(host.send("round.reset.v1"));
            host.awaitReply(host.send("vote.cast.v1", Jsons.object("cardValue", "5")));
            host.awaitReply(host.send("round.reveal.v1"));
            host.awaitReply(host.send("participant.kick.v1", Jsons.object("participantId", third.participantId())));
            host.awaitReply(host.send("host.transfer.v1", Jsons.object("participantId", second.participantId())));
        }

        List<JsonObject> entries = new ArrayList<>();
        String cursor = null;
        do {
            JsonObject page = Api.get("/rooms/" + roomId + "/audit?limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                    owner.token()).expect(200);
            page.getJsonArray("items").getValuesAs(JsonObject.class).forEach(entries::add);
            cursor = page.isNull("nextCursor") ? null : page.getString("nextCursor");
        } while (cursor != null);

        assertEquals(List.of("HOST_CHANGED", "PARTICIPANT_KICKED", "ROUND_REVEALED", "ROUND_RESET", "ROOM_CREATED"),
                entries.stream().map(entry -> entry.getString("action")).toList());
        assertTrue(entries.stream().allMatch(entry -> entry.getString("actorId").equals(owner.id())));
        assertEquals(mallory.id(), entries.get(1).getString("subjectId"), "the kicked user");
        assertEquals(bob.id(), entries.get(0).getString("subjectId"), "the new host");
        assertEquals("1", entries.get(2).getJsonObject("details").getString("round"));
        Api.get("/rooms/" + roomId + "/audit", bob.token()).expectError(403, "FORBIDDEN");
    }

    @Test
    void aRevealedRoundIsKeptInThePartitionOfItsMonth() {
        Api.User owner = Api.freshGuest();
        String roomId = Api.createRoom(owner).getString("id");
        try (RoomClient host = RoomClient.connect(roomId, owner)) {
            host.join("VOTER");
            host.awaitReply(host.send("vote.cast.v1", Jsons.object("cardValue", "8")));
            host.awaitReply(host.send("round.reveal.v1"));
        }

        assertEquals(List.of("round_history_" + YearMonth.now(ZoneOffset.UTC).format(PARTITION_SUFFIX)),
                Database.column("SELECT tableoid::regclass::text FROM round_history WHERE room_id = ?", roomId));
    }

    @Test
    void theFreePlanShowsTheNewestTwentyRoundsAndAPaidPlanShowsThemAll() {
        Api.User owner = Api.register("Owner", "correct horse battery").user();
        String roomId = Api.createRoom(owner).getString("id");
        // Two tabs of the host take turns, so 63 messages stay within each connection's flood limit (40 at once).
        try (RoomClient tab1 = RoomClient.connect(roomId, owner); RoomClient tab2 = RoomClient.connect(roomId, owner)) {
            tab1.join("VOTER");
            tab2.join("VOTER");
            for (int round = 1; round <= 21; round++) {
                RoomClient tab = round % 2 == 0 ? tab2 : tab1;
                if (round > 1) {
                    assertEquals("round.started.v1",
                            tab.awaitReply(tab.send("round.start.v1", Jsons.object("storyTitle", "Story " + round)))
                                    .getString("type"));
                }
                assertEquals("vote.recorded.v1",
                        tab.awaitReply(tab.send("vote.cast.v1", Jsons.object("cardValue", "2"))).getString("type"));
                assertEquals("round.revealed.v1", tab.awaitReply(tab.send("round.reveal.v1")).getString("type"));
            }
        }
        assertEquals(20, allRounds(owner, roomId).size());

        String payload = StripeEvents.checkoutCompleted(StripeEvents.newEventId(), owner.id(), "PRO",
                "sub_" + UUID.randomUUID(), Instant.now());
        Api.post("/subscriptions/webhook", null, payload, StripeEvents.signed(payload)).expect(200);

        List<JsonObject> all = allRounds(owner, roomId);
        assertEquals(21, all.size());
        assertEquals(1, all.get(20).getInt("number"), "the oldest round was kept, and shows after the upgrade");
    }

    private static List<JsonObject> allRounds(Api.User owner, String roomId) {
        return Api.get("/rooms/" + roomId + "/rounds?limit=100", owner.token()).expect(200)
                .getJsonArray("items").getValuesAs(JsonObject.class);
    }
}
