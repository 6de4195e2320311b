package dev.scrumpoker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Round history after rounds played over the WebSocket: the JSON pages (newest first, by cursor) and the CSV export
 * (one line per vote, RFC 4180 quoting, spreadsheet formulas neutralised). The rounds are played once for the class.
 */
class RoundHistoryIT {

    private static final String SSO_TITLE = "Login, \"SSO\" flow";
    private static final String FORMULA_TITLE = "=1+1";
    private static final String VOTER_NAME = "@risk, \"Bob\"";

    private static Api.User owner;
    private static String roomId;
    private static String hostSeat;
    private static String voterSeat;
    private static RoomClient host;
    private static RoomClient voter;

    /** Rounds 1–3 revealed (1 without a story), round 4 open with a vote: it must not show in the history. */
    @BeforeAll
    static void playThreeRounds() {
        Server.A.awaitReady();
        owner = Api.guest("Hostess");
        roomId = Api.createRoom(owner).getString("id");
        host = RoomClient.connect(roomId, owner).named("host");
        host.join("VOTER");
        hostSeat = host.participantId();
        voter = RoomClient.connect(roomId, Api.freshGuest()).named("voter");
        voter.join(VOTER_NAME, "VOTER");
        voterSeat = voter.participantId();

        playRound(null, "3", "5");
        playRound(SSO_TITLE, "8", "8");
        playRound(FORMULA_TITLE, "?", "13");
        host.awaitReply(host.send("round.start.v1", Jsons.object("storyTitle", "Still open")));
        host.awaitReply(host.send("vote.cast.v1", Jsons.object("cardValue", "1")));
    }

    @AfterAll
    static void hangUp() {
        host.close();
        voter.close();
    }

    private static void playRound(String storyTitle, String hostCard, String voterCard) {
        if (storyTitle != null) {
            host.awaitReply(host.send("round.start.v1", Jsons.object("storyTitle", storyTitle)));
        }
        host.awaitReply(host.send("vote.cast.v1", Jsons.object("cardValue", hostCard)));
        voter.awaitReply(voter.send("vote.cast.v1", Jsons.object("cardValue", voterCard)));
        JsonObject revealed = host.awaitReply(host.send("round.reveal.v1"));
        assertEquals("round.revealed.v1", revealed.getString("type"));
    }

    @Test
    void historyPagesThroughRevealedRoundsNewestFirst() {
        List<JsonObject> rounds = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonObject page = Api.get("/rooms/" + roomId + "/rounds?limit=1" + (cursor == null ? "" : "&cursor=" + cursor),
                    owner.token()).expect(200);
            assertEquals(1, page.getJsonArray("items").size(), () -> "one round per page: " + page);
            rounds.add(page.getJsonArray("items").getJsonObject(0));
            cursor = page.isNull("nextCursor") ? null : page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);

        assertEquals(3, pages, "three revealed rounds; the open fourth is not history");
        assertEquals(List.of(3, 2, 1), rounds.stream().map(r -> r.getInt("number")).toList());

        JsonObject third = rounds.get(0);
        assertEquals(FORMULA_TITLE, third.getString("storyTitle"), "stored verbatim; only the CSV neutralises it");
        assertEquals(Map.of(hostSeat, "?", voterSeat, "13"), votes(third));
        JsonObject thirdStats = third.getJsonObject("stats");
        assertEquals(2, thirdStats.getInt("count"), "? counts as a vote");
        assertDecimal("13", thirdStats, "average");
        assertTrue(thirdStats.getBoolean("consensus"), "the only numeric vote agrees with itself");

        JsonObject second = rounds.get(1);
        assertEquals(SSO_TITLE, second.getString("storyTitle"));
        assertEquals(Map.of(hostSeat, "8", voterSeat, "8"), votes(second));
        assertTrue(second.getJsonObject("stats").getBoolean("consensus"));
        assertEquals(List.of(new BigDecimal("8")), Jsons.decimals(second.getJsonObject("stats").getJsonArray("mode")));

        JsonObject first = rounds.get(2);
        assertTrue(first.isNull("storyTitle"));
        assertEquals(Map.of(hostSeat, "3", voterSeat, "5"), votes(first));
        JsonObject firstStats = first.getJsonObject("stats");
        assertEquals(2, firstStats.getInt("count"));
        assertDecimal("4", firstStats, "average");
        assertDecimal("4", firstStats, "median");
        assertDecimal("3", firstStats, "min");
        assertDecimal("5", firstStats, "max");
        assertEquals(List.of(new BigDecimal("3"), new BigDecimal("5")), Jsons.decimals(firstStats.getJsonArray("mode")));
        assertFalse(firstStats.getBoolean("consensus"));
        for (JsonObject round : rounds) {
            Instant started = Instant.parse(round.getString("startedAt"));
            Instant revealedAt = Instant.parse(round.getString("revealedAt"));
            assertFalse(revealedAt.isBefore(started), () -> "revealed after it started: " + round);
        }

        JsonObject all = Api.get("/rooms/" + roomId + "/rounds", Api.freshGuest().token()).expect(200);
        assertEquals(List.of(3, 2, 1), all.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(r -> r.getInt("number")).toList(), "a public room's history is readable by anyone signed in");
        assertTrue(all.isNull("nextCursor"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"cursor=!!!", "cursor=bjow", "cursor=cjox", "limit=0", "limit=x"})
    void invalidPagingIsValidationFailed(String query) {
        Api.get("/rooms/" + roomId + "/rounds?" + query, owner.token()).expectError(400, "VALIDATION_FAILED");
    }

    /**
     * A cursor with a time PostgreSQL cannot store is bad input (400), and bad input never counts as the database
     * failing: after many of them, other users' history and room lists are served as before (no circuit opened).
     */
    @Test
    void madeUpCursorsAreRefusedAndDoNotOpenABreakerForOthers() {
        String farPast = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("h:-377000000000000000:3".getBytes(StandardCharsets.UTF_8));
        String farFuture = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("h:9000000000000000000:3".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 15; i++) {
            Api.get("/rooms/" + roomId + "/rounds?cursor=" + (i % 2 == 0 ? farPast : farFuture), owner.token())
                    .expectError(400, "VALIDATION_FAILED");
        }

        Api.User other = Api.freshGuest();
        String othersRoom = Api.createRoom(other).getString("id");
        Api.get("/rooms/" + othersRoom + "/rounds", other.token()).expect(200);
        Api.get("/rooms", other.token()).expect(200);
    }

    @Test
    void historyOfAnUnknownRoomIsNotFound() {
        Api.get("/rooms/zzzz9999/rounds", owner.token()).expectError(404, "NOT_FOUND");
        Api.get("/rooms/zzzz9999/rounds.csv", owner.token()).expectError(404, "NOT_FOUND");
    }

    @Test
    void csvHasAHeaderAndOneQuotedLinePerVoteWithFormulasNeutralised() {
        ApiResponse csv = Api.get("/rooms/" + roomId + "/rounds.csv", owner.token());

        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"), csv.header("Content-Type"));
        assertTrue(csv.body().endsWith("\r\n"), "records end with CRLF");
        List<List<String>> rows = parseCsv(csv.body());
        assertEquals(List.of("round", "storyTitle", "revealedAt", "participantId", "displayName", "cardValue"),
                rows.get(0));
        List<List<String>> records = rows.subList(1, rows.size());
        assertEquals(6, records.size(), () -> "two votes in each of three revealed rounds:\n" + csv.body());
        records.forEach(record -> assertEquals(6, record.size(), () -> "six fields: " + record));
        assertEquals(List.of("3", "3", "2", "2", "1", "1"), records.stream().map(r -> r.get(0)).toList(),
                "newest round first; the open round is not exported");

        Map<String, List<String>> round2 = byParticipant(records, "2");
        assertEquals(SSO_TITLE, round2.get(hostSeat).get(1), "commas and quotes survive the round trip");
        assertEquals("'" + VOTER_NAME, round2.get(voterSeat).get(4), "a leading @ is neutralised");
        assertEquals("8", round2.get(voterSeat).get(5));
        Map<String, List<String>> round3 = byParticipant(records, "3");
        assertEquals("'" + FORMULA_TITLE, round3.get(hostSeat).get(1), "=1+1 does not reach a spreadsheet as a formula");
        assertEquals("?", round3.get(hostSeat).get(5));
        assertEquals("13", round3.get(voterSeat).get(5));
        assertEquals("", byParticipant(records, "1").get(hostSeat).get(1), "no story title is an empty field");
        Instant.parse(round3.get(hostSeat).get(2));
        // And on the wire, RFC 4180: fields with commas or quotes are quoted, quotes doubled.
        assertTrue(csv.body().contains(",\"Login, \"\"SSO\"\" flow\","), csv.body());
        assertTrue(csv.body().contains(",\"'@risk, \"\"Bob\"\"\","), csv.body());
        assertTrue(csv.body().contains(",'=1+1,"), csv.body());
    }

    private static Map<String, String> votes(JsonObject round) {
        return round.getJsonArray("votes").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(v -> v.getString("participantId"), v -> v.getString("cardValue")));
    }

    private static Map<String, List<String>> byParticipant(List<List<String>> records, String round) {
        return records.stream().filter(r -> r.get(0).equals(round)).collect(Collectors.toMap(r -> r.get(3), r -> r));
    }

    private static void assertDecimal(String expected, JsonObject stats, String field) {
        BigDecimal actual = stats.getJsonNumber(field).bigDecimalValue();
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> field + " is " + actual);
    }

    /** RFC 4180: records end with CRLF; fields may be quoted, with "" for a quote inside; quoted fields may hold anything. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                assertEquals(0, field.length(), "a quote only opens a field");
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r') {
                assertEquals('\n', text.charAt(i + 1), "CR only as part of CRLF");
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                assertFalse(c == '\n', "a bare LF outside quotes");
                field.append(c);
            }
        }
        assertFalse(quoted, "an unterminated quoted field");
        assertTrue(record.isEmpty() && field.length() == 0, "the last record ends with CRLF");
        return records;
    }
}
