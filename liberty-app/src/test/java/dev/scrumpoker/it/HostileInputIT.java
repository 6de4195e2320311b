package dev.scrumpoker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What people type into names and titles when they want to break things. Text that fits the rules is stored and
 * returned exactly as typed (HTML stays HTML: rendering it as text is the client's job, so it is neither escaped nor
 * stripped); text that does not fit gets the contract's error, and the room stays as it was.
 */
class HostileInputIT {

    private static final String TEN_THOUSAND = "x".repeat(10_000);

    @BeforeAll
    static void serverIsReady() {
        Server.A.awaitReady();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "Robert'); DROP TABLE users;--",
            "' OR '1'='1' --",
            "<script>alert('pwned')</script>",
            "<img src=x onerror=alert(1)>",
            "&lt;b&gt; &amp; \"quotes\" \\ back\\slash",
            "🃏 Poker 🚀 Team 👩‍💻",
            "Ünïcødé — 日本語 — עברית",
    })
    void hostileButValidTextIsStoredAndReturnedVerbatim(String text) {
        // As a display name, over REST...
        JsonObject answer = Api.post("/auth/guest", null, Jsons.object("displayName", text)).expect(201);
        Api.User user = Api.user(answer);
        assertEquals(text, user.displayName());
        assertEquals(text, Api.get("/users/me", user.token()).expect(200).getString("displayName"));

        // ...as a room title...
        ApiResponse created = Api.post("/rooms", user.token(), Jsons.object("title", text));
        String roomId = created.expect(201).getString("id");
        ApiResponse fetched = Api.get("/rooms/" + roomId, user.token());
        assertEquals(text, fetched.expect(200).getString("title"));
        assertNotHtmlEscaped(fetched.body(), text);

        // ...and as a display name and story title over the WebSocket.
        try (RoomClient host = RoomClient.connect(roomId, user)) {
            JsonObject state = host.join(text, "VOTER").getJsonObject("payload");
            assertEquals(text, state.getJsonObject("room").getString("title"));
            assertEquals(text, state.getJsonArray("participants").getJsonObject(0).getString("displayName"));

            JsonObject started = host.awaitReply(host.send("round.start.v1", Jsons.object("storyTitle", text)));
            assertEquals(text, started.getJsonObject("payload").getString("storyTitle"));
            host.awaitReply(host.send("vote.cast.v1", Jsons.object("cardValue", "5")));
            JsonObject revealed = host.awaitReply(host.send("round.reveal.v1")).getJsonObject("payload");
            assertEquals(text, revealed.getJsonArray("votes").getJsonObject(0).getString("displayName"));
        }

        // The history keeps it too, and the database is evidently still there.
        ApiResponse history = Api.get("/rooms/" + roomId + "/rounds", user.token());
        JsonObject round = history.expect(200).getJsonArray("items").getJsonObject(0);
        assertEquals(text, round.getString("storyTitle"));
        assertEquals(text, round.getJsonArray("votes").getJsonObject(0).getString("displayName"));
        assertNotHtmlEscaped(history.body(), text);
        Server.A.awaitReady();
    }

    /**
     * A NUL character in an email reached PostgreSQL, which refused it, and each refusal counted toward the users'
     * circuit breaker: ten of them and every sign-in of every user answered 503. Now each is a 400, and nobody else
     * notices.
     */
    @Test
    void anEmailWithANulCharacterIsRefusedAndOpensNoBreaker() {
        String address = OtherAddresses.any();
        String nul = Jsons.object("email", "a\u0000b@example.com", "password", "correct horse battery",
                "displayName", "Nul").toString();
        for (int attempt = 1; attempt <= 15; attempt++) {
            OtherAddresses.Answer login = OtherAddresses.post(address, "/auth/login", nul);
            assertEquals(400, login.status(), login.text());
            assertTrue(login.text().contains("\"error\":\"VALIDATION_FAILED\""), login.text());
            assertEquals(400, OtherAddresses.post(address, "/auth/register", nul).status());
        }

        Api.Registered someoneElse = Api.register("Unaffected", "correct horse battery");
        Api.post("/auth/login", null, Jsons.object("email", someoneElse.email(), "password", "correct horse battery"))
                .expect(200);
    }

    @Test
    void namesCountCharactersNotBytes() {
        String fortyEmoji = "🚀".repeat(40);

        assertEquals(fortyEmoji, Api.guest(fortyEmoji).displayName(), "40 emoji are 40 characters");
        Api.post("/auth/guest", null, Jsons.object("displayName", fortyEmoji + "🚀")).expectError(400, "VALIDATION_FAILED");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"nul\u0000byte", "line\nbreak", "bell\u0007", "escape\u001b[31mred"})
    void controlCharactersAreRefused(String text) {
        Api.post("/auth/guest", null, Jsons.object("displayName", text)).expectError(400, "VALIDATION_FAILED");
        Api.post("/rooms", Api.freshGuest().token(), Jsons.object("title", text)).expectError(400, "VALIDATION_FAILED");
    }

    @Test
    void tenThousandCharactersAreRefusedOverRest() {
        Api.User user = Api.freshGuest();

        Api.post("/auth/guest", null, Jsons.object("displayName", TEN_THOUSAND)).expectError(400, "VALIDATION_FAILED");
        Api.post("/auth/register", null, Jsons.object("email", "long-" + System.nanoTime() + "@example.org",
                "password", "long-enough-pw", "displayName", TEN_THOUSAND)).expectError(400, "VALIDATION_FAILED");
        Api.post("/rooms", user.token(), Jsons.object("title", TEN_THOUSAND)).expectError(400, "VALIDATION_FAILED");
        Api.post("/rooms", user.token(), Jsons.object("title", "t", "deck", "CUSTOM",
                "cards", List.of("1", TEN_THOUSAND))).expectError(400, "VALIDATION_FAILED");

        assertTrue(Api.get("/rooms", user.token()).expect(200).getJsonArray("items").isEmpty(), "nothing was created");
    }

    /** Bodies over 64 KiB are refused by their declared length, before anything reads, binds or hashes them. */
    @Test
    void oversizedBodiesAre413BeforeBeingRead() {
        String fourMiB = "p".repeat(4 * 1024 * 1024);
        ApiResponse login = Api.post("/auth/login", null,
                Jsons.object("email", "someone@example.org", "password", fourMiB));
        login.expectError(413, "PAYLOAD_TOO_LARGE");

        Api.User owner = Api.freshGuest();
        String cards = "[" + String.join(",", Collections.nCopies(200_000, "\"1\"")) + "]";
        Api.post("/rooms", owner.token(), "{\"title\":\"Big\",\"deck\":\"CUSTOM\",\"cards\":" + cards + "}")
                .expectError(413, "PAYLOAD_TOO_LARGE");
        assertTrue(Api.get("/rooms", owner.token()).expect(200).getJsonArray("items").isEmpty(), "nothing was created");
    }

    /** The container's error pages named exception classes (SRVE0190E: java.io.FileNotFoundException …). */
    @Test
    void errorPagesNameNoClassesAndNoServerMessages() {
        for (String path : List.of("/no-such-page", "/ws/room/abcd2345", "/assets/none.js")) {
            ApiResponse answer = Api.getAbsolute(path);
            assertTrue(answer.status() >= 400, path + " answered " + answer.status());
            assertFalse(answer.body().contains("SRVE"), path + ": " + answer.body());
            assertFalse(answer.body().contains("Exception"), path + ": " + answer.body());
        }
    }

    /** 8,000 nested arrays: refused as INVALID_MESSAGE before any parser recurses into them; the connection lives on. */
    @Test
    void aDeeplyNestedFrameIsAnInvalidMessage() {
        Api.User owner = Api.freshGuest();
        String roomId = Api.createRoom(owner).getString("id");
        try (RoomClient client = RoomClient.connect(roomId, owner).named("nester")) {
            client.sendText("[".repeat(8_000));

            JsonObject error = client.awaitPayload("error.v1");
            assertEquals("INVALID_MESSAGE", error.getString("code"));
            assertEquals("room.state.v1", client.join("VOTER").getString("type"), "the connection still works");
        }
    }

    @Test
    void tenThousandCharactersAreRefusedOverTheWebSocketAndTheRoomStaysRight() {
        Api.User owner = Api.freshGuest();
        String roomId = Api.createRoom(owner, Jsons.object("title", "Steady")).getString("id");
        try (RoomClient host = RoomClient.connect(roomId, owner).named("host");
             RoomClient pest = RoomClient.connect(roomId, Api.freshGuest()).named("pest")) {
            host.join("Host", "VOTER");
            host.awaitReply(host.send("round.start.v1", Jsons.object("storyTitle", "PROJ-1")));

            pest.sendExpectingError("room.join.v1", Jsons.object("displayName", TEN_THOUSAND, "role", "VOTER"),
                    "INVALID_MESSAGE");
            pest.sendExpectingError("vote.cast.v1", Jsons.object("cardValue", "5"), "NOT_JOINED"); // not seated
            host.sendExpectingError("round.start.v1", Jsons.object("storyTitle", TEN_THOUSAND), "INVALID_MESSAGE");
            host.sendExpectingError("vote.cast.v1", Jsons.object("cardValue", TEN_THOUSAND), "INVALID_CARD");
            host.sendExpectingError("round.start.v1", Jsons.object("storyTitle", "<b>" + "y".repeat(200) + "</b>"),
                    "INVALID_MESSAGE");

            JsonObject state = host.sync().getJsonObject("payload");
            assertEquals(2, state.getJsonObject("round").getInt("number"), "no round was started by the refusals");
            assertEquals("PROJ-1", state.getJsonObject("round").getString("storyTitle"));
            assertEquals(1, state.getJsonArray("participants").size(), "the pest has no seat");
            assertEquals("Host", state.getJsonArray("participants").getJsonObject(0).getString("displayName"));
            assertTrue(state.getJsonObject("you").isNull("cardValue"));
            // Only the host's join and round start are room events: nothing else was broadcast.
            assertEquals(List.of("round.started.v1"), Frames.assertGapFreeSeq(host).stream()
                    .map(f -> f.getString("type")).toList());

            // With a sane name the pest can still join.
            assertEquals("Pest", pest.join("Pest", "VOTER").getJsonObject("payload").getJsonArray("participants")
                    .getJsonObject(1).getString("displayName"));
        }
    }

    /** The JSON carries the text itself: no HTML entities where the input had none. */
    private static void assertNotHtmlEscaped(String body, String text) {
        if (text.contains("<") && !text.contains("&lt;")) {
            assertFalse(body.contains("&lt;"), () -> "HTML was escaped: " + body);
        }
        if (text.contains("<script>")) {
            assertTrue(body.contains("<script>") || body.contains("\\u003cscript"),
                    () -> "the script tag is returned as data: " + body);
        }
    }
}
