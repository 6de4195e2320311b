package dev.scrumpoker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Rooms over REST: creating with every deck, reading, listing by cursor, the free plan's limit, deleting. */
class RoomsIT {

    @BeforeAll
    static void serverIsReady() {
        Server.A.awaitReady();
    }

    static Stream<Arguments> standardDecks() {
        return Stream.of(
                Arguments.of("FIBONACCI", List.of("0", "1", "2", "3", "5", "8", "13", "21", "34", "55", "89", "?")),
                Arguments.of("MODIFIED_FIBONACCI",
                        List.of("0", "½", "1", "2", "3", "5", "8", "13", "20", "40", "100", "?", "☕")),
                Arguments.of("TSHIRT", List.of("XS", "S", "M", "L", "XL", "XXL", "?")),
                Arguments.of("POWERS_OF_2", List.of("0", "1", "2", "4", "8", "16", "32", "64", "?")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("standardDecks")
    void createsRoomsWithEveryStandardDeck(String deck, List<String> cards) {
        Api.User owner = Api.freshGuest();

        ApiResponse created = Api.post("/rooms", owner.token(), Jsons.object("title", "Deck " + deck, "deck", deck));

        JsonObject room = created.expect(201);
        assertEquals(deck, room.getString("deck"));
        assertEquals(cards, Jsons.strings(room.getJsonArray("cards")));
        assertEquals("Deck " + deck, room.getString("title"));
        assertEquals("PUBLIC", room.getString("privacy"));
        assertEquals(owner.id(), room.getString("ownerId"));
        assertTrue(room.getString("id").matches("[A-Za-z0-9_-]{8}"), () -> "an 8-char URL-safe code: " + room);
        Instant.parse(room.getString("createdAt"));
        assertTrue(room.getString("joinUrl").endsWith("/r/" + room.getString("id")), room.getString("joinUrl"));
        String location = created.header("Location");
        assertNotNull(location, "201 has a Location");
        assertTrue(location.endsWith("/api/v1/rooms/" + room.getString("id")), location);
        assertEquals(room, Api.get("/rooms/" + room.getString("id"), owner.token()).expect(200),
                "GET answers the room as created");
    }

    @Test
    void deckDefaultsToFibonacciAndPrivacyToPublic() {
        JsonObject room = Api.createRoom(Api.freshGuest(), Jsons.object("title", "Defaults"));

        assertEquals("FIBONACCI", room.getString("deck"));
        assertEquals("PUBLIC", room.getString("privacy"));
        assertEquals(12, room.getJsonArray("cards").size());
    }

    @Test
    void customDeckKeepsTheCardsInOrder() {
        List<String> cards = List.of("1", "0.5", "XL", "☕", "🦄", "8 chars!");

        JsonObject room = Api.createRoom(Api.freshGuest(), Jsons.object("title", "Custom", "deck", "CUSTOM",
                "cards", cards));

        assertEquals("CUSTOM", room.getString("deck"));
        assertEquals(cards, Jsons.strings(room.getJsonArray("cards")));
        List<String> twenty = IntStream.rangeClosed(1, 20).mapToObj(Integer::toString).toList();
        assertEquals(twenty, Jsons.strings(Api.createRoom(Api.freshGuest(), Jsons.object("title", "Twenty",
                "deck", "CUSTOM", "cards", twenty)).getJsonArray("cards")), "20 cards are allowed");
    }

    static Stream<Arguments> invalidRooms() {
        return Stream.of(
                Arguments.of("one custom card", Jsons.object("title", "t", "deck", "CUSTOM", "cards", List.of("1"))),
                Arguments.of("21 custom cards", Jsons.object("title", "t", "deck", "CUSTOM",
                        "cards", IntStream.rangeClosed(1, 21).mapToObj(Integer::toString).toList())),
                Arguments.of("duplicate cards", Jsons.object("title", "t", "deck", "CUSTOM", "cards", List.of("1", "2", "1"))),
                Arguments.of("a 9-char card", Jsons.object("title", "t", "deck", "CUSTOM", "cards", List.of("1", "123456789"))),
                Arguments.of("an empty card", Jsons.object("title", "t", "deck", "CUSTOM", "cards", List.of("1", " "))),
                Arguments.of("CUSTOM without cards", Jsons.object("title", "t", "deck", "CUSTOM")),
                Arguments.of("cards for a standard deck", Jsons.object("title", "t", "deck", "TSHIRT",
                        "cards", List.of("S", "M"))),
                Arguments.of("unknown deck", Jsons.object("title", "t", "deck", "HUGE")),
                Arguments.of("unknown privacy", Jsons.object("title", "t", "privacy", "SECRET")),
                Arguments.of("no title", Jsons.object("deck", "FIBONACCI")),
                Arguments.of("blank title", Jsons.object("title", "   ")),
                Arguments.of("title of 121 characters", Jsons.object("title", "t".repeat(121))));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidRooms")
    void invalidRoomsAreValidationFailedAndNotCreated(String why, JsonObject body) {
        Api.User owner = Api.freshGuest();

        Api.post("/rooms", owner.token(), body).expectError(400, "VALIDATION_FAILED");

        assertTrue(Api.get("/rooms", owner.token()).expect(200).getJsonArray("items").isEmpty(), "nothing created");
    }

    @Test
    void malformedJsonIsValidationFailed() {
        Api.post("/rooms", Api.freshGuest().token(), "{\"title\": \"unterminated").expectError(400, "VALIDATION_FAILED");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"zzzz9999", "nope", "0000000O"})
    void unknownRoomIsNotFound(String id) {
        Api.get("/rooms/" + id, Api.freshGuest().token()).expectError(404, "NOT_FOUND");
    }

    @Test
    void listingPagesThroughTheCallersRoomsNewestFirst() {
        Api.User owner = Api.freshGuest();
        List<String> created = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            created.add(Api.createRoom(owner, Jsons.object("title", "Room " + i)).getString("id"));
        }
        Api.createRoom(Api.freshGuest()); // someone else's room never shows up

        List<String> listed = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonObject page = Api.get("/rooms?limit=1" + (cursor == null ? "" : "&cursor=" + cursor), owner.token())
                    .expect(200);
            assertEquals(1, page.getJsonArray("items").size(), () -> "one room per page: " + page);
            listed.add(page.getJsonArray("items").getJsonObject(0).getString("id"));
            cursor = page.isNull("nextCursor") ? null : page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);

        Collections.reverse(created);
        assertEquals(created, listed, "all three rooms, newest first, each once");
        assertEquals(3, pages, "the last page says there is no next one");
        JsonObject all = Api.get("/rooms", owner.token()).expect(200);
        assertEquals(created, all.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(r -> r.getString("id")).toList());
        assertTrue(all.isNull("nextCursor"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"cursor=garbage!!", "cursor=bm90LWEtY3Vyc29y", "limit=0", "limit=101", "limit=abc"})
    void invalidPagingIsValidationFailed(String query) {
        Api.get("/rooms?" + query, Api.freshGuest().token()).expectError(400, "VALIDATION_FAILED");
    }

    @Test
    void roundCursorIsNotAcceptedAsARoomCursor() {
        String roundCursor = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("n:3".getBytes(StandardCharsets.UTF_8));

        Api.get("/rooms?cursor=" + roundCursor, Api.freshGuest().token()).expectError(400, "VALIDATION_FAILED");
    }

    @Test
    void freePlanAllowsThreeOpenRooms() {
        Api.User owner = Api.freshGuest();
        List<String> rooms = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            rooms.add(Api.createRoom(owner).getString("id"));
        }

        Api.post("/rooms", owner.token(), Jsons.object("title", "Fourth")).expectError(403, "FORBIDDEN");

        assertEquals(3, Api.get("/rooms", owner.token()).expect(200).getJsonArray("items").size());
        assertEquals(204, Api.delete("/rooms/" + rooms.get(0), owner.token()).status());
        Api.createRoom(owner, Jsons.object("title", "Fourth, after a delete")); // deleted rooms do not count
    }

    @Test
    void onlyTheOwnerDeletesAndADeletedRoomIsGone() {
        Api.User owner = Api.freshGuest();
        Api.User other = Api.freshGuest();
        String id = Api.createRoom(owner).getString("id");

        Api.delete("/rooms/" + id, other.token()).expectError(403, "FORBIDDEN");
        Api.get("/rooms/" + id, other.token()).expect(200); // still there
        Api.delete("/rooms/" + id, null).expectError(401, "UNAUTHORIZED");

        ApiResponse deleted = Api.delete("/rooms/" + id, owner.token());

        assertEquals(204, deleted.status());
        assertTrue(deleted.body().isEmpty());
        Api.get("/rooms/" + id, owner.token()).expectError(404, "NOT_FOUND");
        Api.delete("/rooms/" + id, owner.token()).expectError(404, "NOT_FOUND");
        assertTrue(Api.get("/rooms", owner.token()).expect(200).getJsonArray("items").isEmpty());
    }

    @Test
    void onlyTheOwnerSeesTheInvitationOfAnInviteOnlyRoom() {
        Api.User owner = Api.freshGuest();
        JsonObject room = Api.createRoom(owner, Jsons.object("title", "Private", "privacy", "INVITE_ONLY"));
        String id = room.getString("id");

        assertEquals("INVITE_ONLY", room.getString("privacy"));
        assertTrue(room.getString("joinUrl").matches(".*/r/" + id + "\\?invite=[A-Za-z0-9]+"), room.getString("joinUrl"));
        String seenByOther = Api.get("/rooms/" + id, Api.freshGuest().token()).expect(200).getString("joinUrl");
        assertFalse(seenByOther.contains("invite"), () -> "others do not get the invitation: " + seenByOther);
    }

    @Test
    void joinLinkIsServedAsAQrCodeToWhoeverMayReadTheRoom() {
        Api.User owner = Api.freshGuest();
        String id = Api.createRoom(owner).getString("id");

        ApiResponse qr = Api.get("/rooms/" + id + "/qr.svg", owner.token());
        assertEquals(200, qr.status(), qr.body());
        assertTrue(qr.header("Content-Type").startsWith("image/svg+xml"), qr.header("Content-Type"));
        assertTrue(qr.body().startsWith("<svg") && qr.body().contains("<path"), qr.body());
        Api.get("/rooms/" + id + "/qr.svg", null).expectError(401, "UNAUTHORIZED");
        Api.get("/rooms/nosuch00/qr.svg", owner.token()).expectError(404, "NOT_FOUND");
    }
}
