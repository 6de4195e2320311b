package dev.scrumpoker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A session's backlog: the host adds or imports stories, rounds take them in order, the agreed estimate is recorded
 * (after a re-vote too), and the export gives the stories back with their estimates and rounds.
 */
class BacklogIT {

    @BeforeAll
    static void serverIsReady() {
        Server.A.awaitReady();
    }

    private static JsonObject story(String key, String title) {
        return Jsons.object("key", key, "title", title);
    }

    /** The stories an add or import made, in order, as the sender saw them (events echoing its requestId). */
    private static List<JsonObject> added(RoomClient client, String requestId, int count) {
        List<JsonObject> stories = new ArrayList<>();
        while (stories.size() < count) {
            JsonObject frame = client.awaitReply(requestId);
            assertEquals("stories.added.v1", frame.getString("type"), frame::toString);
            assertEquals(stories.size(), frame.getJsonObject("payload").getInt("position"));
            stories.addAll(frame.getJsonObject("payload").getJsonArray("stories").getValuesAs(JsonObject.class));
        }
        return stories;
    }

    @Test
    void aTeamWalksItsBacklogAndExportsTheEstimates() {
        Api.User owner = Api.freshGuest();
        String roomId = Api.createRoom(owner).getString("id");
        Api.User vic = Api.guest("Vic");
        try (RoomClient host = RoomClient.connect(roomId, owner); RoomClient voter = RoomClient.connect(roomId, vic)) {
            host.join("VOTER");
            voter.join("VOTER");

            voter.sendExpectingError("story.add.v1", Jsons.object("stories", Jsons.array(List.of(story(null, "X")))),
                    "FORBIDDEN");
            String add = host.send("story.add.v1", Jsons.object("stories", Jsons.array(List.of(
                    story("PROJ-1", "Log in"), story("PROJ-2", "Log out"), story(null, "Spike: search")))));
            List<JsonObject> stories = added(host, add, 3);
            assertEquals(List.of("Log in", "Log out", "Spike: search"),
                    stories.stream().map(s -> s.getString("title")).toList());
            assertEquals("Log in", voter.awaitPayload("stories.added.v1").getJsonArray("stories").getJsonObject(0)
                    .getString("title"));
            String first = stories.get(0).getString("id");
            String second = stories.get(1).getString("id");

            JsonObject started = host.awaitReply(host.send("round.start.v1")).getJsonObject("payload");
            assertEquals(first, started.getString("storyId"), "a round without title takes the next story");
            assertEquals("Log in", started.getString("storyTitle"));
            host.awaitReply(host.send("vote.cast.v1", Jsons.object("cardValue", "5")));
            voter.awaitReply(voter.send("vote.cast.v1", Jsons.object("cardValue", "8")));
            host.awaitReply(host.send("round.reveal.v1"));
            voter.sendExpectingError("story.estimate.v1", Jsons.object("estimate", "8"), "FORBIDDEN");
            host.sendExpectingError("story.estimate.v1", Jsons.object("estimate", "huge"), "INVALID_CARD");
            JsonObject estimated = host.awaitReply(host.send("story.estimate.v1", Jsons.object("estimate", "8")))
                    .getJsonObject("payload");
            assertEquals(Jsons.object("storyId", first, "estimate", "8", "roundNumber", 2), estimated);
            assertEquals(estimated, voter.awaitPayload("story.estimated.v1"), "everyone sees the agreed estimate");

            JsonObject next = host.awaitReply(host.send("round.start.v1")).getJsonObject("payload");
            assertEquals(second, next.getString("storyId"), "the next story without an estimate");
            JsonObject revote = host.awaitReply(host.send("round.start.v1", Jsons.object("storyId", first)))
                    .getJsonObject("payload");
            assertEquals(first, revote.getString("storyId"), "a story can be voted again");
            host.awaitReply(host.send("vote.cast.v1", Jsons.object("cardValue", "5")));
            host.awaitReply(host.send("round.reveal.v1"));
            host.awaitReply(host.send("story.estimate.v1", Jsons.object("estimate", "5")));
            host.awaitReply(host.send("story.move.v1", Jsons.object("storyId", stories.get(2).getString("id"),
                    "position", 0)));

            JsonObject state = voter.sync().getJsonObject("payload");
            assertEquals(Jsons.object("total", 3, "estimated", 1), state.getJsonObject("backlog"));
            assertEquals(first, state.getJsonObject("round").getString("storyId"));

            JsonObject backlog = Api.get("/rooms/" + roomId + "/stories", vic.token()).expect(200);
            assertEquals(3, backlog.getInt("total"));
            assertEquals(1, backlog.getInt("estimated"));
            List<JsonObject> items = backlog.getJsonArray("items").getValuesAs(JsonObject.class);
            assertEquals(List.of("Spike: search", "Log in", "Log out"),
                    items.stream().map(s -> s.getString("title")).toList(), "in the host's order");
            assertEquals("5", items.get(1).getString("estimate"), "the last agreed estimate");
            assertEquals(Jsons.array(List.of(2, 4)), items.get(1).getJsonArray("rounds"), "both rounds of the story");
            assertEquals(JsonValue.NULL, items.get(2).get("estimate"));

            List<JsonObject> rounds = Api.get("/rooms/" + roomId + "/rounds", vic.token()).expect(200)
                    .getJsonArray("items").getValuesAs(JsonObject.class);
            assertEquals(List.of(first, first), rounds.stream().map(r -> r.getString("storyId")).toList(),
                    "the history links each round to its story");

            ApiResponse csv = Api.get("/rooms/" + roomId + "/stories.csv", owner.token());
            assertEquals(200, csv.status());
            assertEquals("Issue key,Summary,Story Points,Description\r\n,Spike: search,,\r\nPROJ-1,Log in,5,\r\n"
                    + "PROJ-2,Log out,,\r\n", csv.body());
        }
    }

    @Test
    void aJiraFileIsImportedWholeOrRefusedNamingItsBadLines() {
        Api.User owner = Api.freshGuest();
        String roomId = Api.createRoom(owner).getString("id");
        try (RoomClient host = RoomClient.connect(roomId, owner)) {
            host.join("VOTER");
            JsonObject refused = host.sendExpectingError("story.import.v1", Jsons.object("csv",
                    "Issue key,Summary,Story Points\r\nPROJ-1,Fine,3\r\nPROJ-2,,\r\nPROJ-3,Also fine,many\r\n"),
                    "INVALID_MESSAGE");
            assertEquals("line 3: title must be 1–200 characters; line 4: Story Points must be a number from 0 to"
                    + " 9999, not \"many\"", refused.getString("message"));
            assertEquals(0, host.sync().getJsonObject("payload").getJsonObject("backlog").getInt("total"),
                    "a refused file adds nothing");

            String imported = host.send("story.import.v1", Jsons.object("csv",
                    "Summary,Issue key,Story Points,Description\r\nLog in,PROJ-1,3,\"Two\r\nlines\"\r\nLog out,PROJ-2,,\r\n"));
            List<JsonObject> stories = added(host, imported, 2);
            assertEquals("3", stories.get(0).getString("estimate"), "story points come in as the agreed estimate");
            assertEquals("Two\nlines", stories.get(0).getString("description"));
            JsonObject started = host.awaitReply(host.send("round.start.v1")).getJsonObject("payload");
            assertEquals(stories.get(1).getString("id"), started.getString("storyId"), "estimated stories are skipped");
        }
    }

    @Test
    void theFreePlanHoldsFiftyStoriesPerRoom() {
        Api.User owner = Api.freshGuest();
        String roomId = Api.createRoom(owner).getString("id");
        try (RoomClient host = RoomClient.connect(roomId, owner)) {
            host.join("VOTER");
            JsonObject one = story(null, "Story");
            String fifty = host.send("story.add.v1", Jsons.object("stories", Jsons.array(Collections.nCopies(50, one))));
            assertEquals(50, added(host, fifty, 50).size());

            JsonObject refused = host.sendExpectingError("story.add.v1",
                    Jsons.object("stories", Jsons.array(List.of(one))), "FORBIDDEN");
            assertTrue(refused.getString("message").contains("50"), refused.toString());
            host.sendExpectingError("story.add.v1", Jsons.object("stories", Jsons.array(List.of())), "INVALID_MESSAGE");
            host.sendExpectingError("story.add.v1", Jsons.object("stories", Jsons.array(List.of(
                    Jsons.object("title", "Bad link", "link", "javascript:alert(1)")))), "INVALID_MESSAGE");
            host.sendExpectingError("story.remove.v1", Jsons.object("storyId", "not-an-id"), "INVALID_MESSAGE");
            host.sendExpectingError("story.remove.v1", Jsons.object("storyId", "7d3b2c1a-0000-4000-8000-000000000001"),
                    "NOT_FOUND");
        }
    }
}
