package dev.scrumpoker.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every error.v1 code of the contract, each caused the way a real client would cause it. Errors echo the offending
 * message's requestId, carry no seq, and never close the connection: each test ends by checking the connection
 * still answers and the room did not change.
 */
class ErrorCodesIT {

    private RoomClient host;
    private RoomClient voter;
    private RoomClient observer;

    @BeforeAll
    static void serverIsReady() {
        Server.A.awaitReady();
    }

    /** A FIBONACCI room with its owner as host, a voter and an observer, all joined. */
    @BeforeEach
    void room() {
        Api.User owner = Api.freshGuest();
        String roomId = Api.createRoom(owner).getString("id");
        host = RoomClient.connect(roomId, owner).named("host");
        host.join("VOTER");
        voter = RoomClient.connect(roomId, Api.freshGuest()).named("voter");
        voter.join("VOTER");
        observer = RoomClient.connect(roomId, Api.freshGuest()).named("observer");
        observer.join("OBSERVER");
    }

    @AfterEach
    void leave() {
        for (RoomClient client : List.of(host, voter, observer)) {
            client.close();
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "{not json",
            "[1,2,3]",
            "\"just a string\"",
            "",
            "{\"payload\":{}}",
            "{\"type\":42,\"payload\":{}}",
            "{\"type\":\"\",\"payload\":{}}",
            "{\"type\":\"ping.v1\",\"requestId\":7}",
    })
    void malformedFramesAreInvalidMessages(String frame) {
        voter.sendText(frame);

        JsonObject error = voter.awaitFrame("error.v1");

        assertEquals("INVALID_MESSAGE", error.getJsonObject("payload").getString("code"));
        assertFalse(error.containsKey("seq"));
        voter.ping();
    }

    @Test
    void wrongTypesAndMissingFieldsAreInvalidMessagesThatEchoTheRequestId() {
        // Wrong types
        voter.sendText("{\"type\":\"vote.cast.v1\",\"requestId\":\"r-number\",\"payload\":{\"cardValue\":5}}");
        voter.awaitError("r-number", "INVALID_MESSAGE");
        voter.sendText("{\"type\":\"vote.cast.v1\",\"requestId\":\"r-array\",\"payload\":[\"5\"]}");
        voter.awaitError("r-array", "INVALID_MESSAGE");
        voter.sendExpectingError("room.join.v1", Jsons.object("role", true), "INVALID_MESSAGE");
        voter.sendExpectingError("participant.kick.v1", Jsons.object("participantId", "not-a-uuid"), "INVALID_MESSAGE");
        // Missing fields
        voter.sendExpectingError("vote.cast.v1", Jsons.object(), "INVALID_MESSAGE");
        voter.sendExpectingError("room.join.v1", Jsons.object("displayName", "No role"), "INVALID_MESSAGE");
        host.sendExpectingError("participant.kick.v1", Jsons.object(), "INVALID_MESSAGE");
        host.sendExpectingError("host.transfer.v1", Jsons.object(), "INVALID_MESSAGE");
        // A value outside the enumeration
        voter.sendExpectingError("room.join.v1", Jsons.object("role", "DICTATOR"), "INVALID_MESSAGE");

        assertNobodyVotedAndHostUnchanged();
    }

    @Test
    void requestIdLongerThan64CharactersIsInvalid() {
        voter.sendText(Jsons.object("type", "ping.v1", "requestId", "r".repeat(65)).toString());

        JsonObject error = voter.awaitFrame("error.v1");

        assertEquals("INVALID_MESSAGE", error.getJsonObject("payload").getString("code"));
        String longest = "r".repeat(64);
        voter.sendText(Jsons.object("type", "ping.v1", "requestId", longest).toString());
        assertEquals("pong.v1", voter.awaitReply(longest).getString("type"), "64 characters are fine");
    }

    @Test
    void unknownTypeIsRefused() {
        voter.sendExpectingError("vote.cast.v2", Jsons.object("cardValue", "5"), "UNKNOWN_TYPE");
        voter.sendExpectingError("room.destroy.v1", Jsons.object(), "UNKNOWN_TYPE");

        voter.ping();
        assertNobodyVotedAndHostUnchanged();
    }

    @Test
    void messagesBeforeJoiningAreNotJoined() {
        try (RoomClient newcomer = RoomClient.connect(roomIdOf(host), Api.freshGuest())) {
            for (String type : List.of("vote.cast.v1", "vote.retract.v1", "round.reveal.v1", "round.start.v1",
                    "round.reset.v1", "host.transfer.v1", "participant.kick.v1", "room.sync.v1", "room.leave.v1")) {
                JsonObject payload = switch (type) {
                    case "vote.cast.v1" -> Jsons.object("cardValue", "5");
                    case "host.transfer.v1", "participant.kick.v1" -> Jsons.object("participantId", host.participantId());
                    default -> Jsons.object();
                };
                newcomer.sendExpectingError(type, payload, "NOT_JOINED");
            }
            newcomer.ping(); // ping needs no seat

            JsonObject state = newcomer.join("VOTER");
            assertEquals(4, state.getJsonObject("payload").getJsonArray("participants").size(),
                    "after the errors the newcomer can still join");
        }
    }

    @Test
    void hostOnlyActionsAreForbiddenToOthersAndObserversCannotVote() {
        for (RoomClient notHost : List.of(voter, observer)) {
            notHost.sendExpectingError("round.reveal.v1", Jsons.object(), "FORBIDDEN");
            notHost.sendExpectingError("round.start.v1", Jsons.object("storyTitle", "Coup"), "FORBIDDEN");
            notHost.sendExpectingError("round.reset.v1", Jsons.object(), "FORBIDDEN");
            notHost.sendExpectingError("participant.kick.v1", Jsons.object("participantId", host.participantId()),
                    "FORBIDDEN");
            notHost.sendExpectingError("host.transfer.v1", Jsons.object("participantId", notHost.participantId()),
                    "FORBIDDEN");
        }
        observer.sendExpectingError("vote.cast.v1", Jsons.object("cardValue", "5"), "FORBIDDEN");
        // The owner cannot be kicked, even by a host who is not the owner.
        host.send("host.transfer.v1", Jsons.object("participantId", voter.participantId()));
        voter.awaitFrame("host.changed.v1");
        voter.sendExpectingError("participant.kick.v1", Jsons.object("participantId", host.participantId()), "FORBIDDEN");

        JsonObject state = host.sync().getJsonObject("payload");
        assertEquals(1, state.getJsonObject("round").getInt("number"), "no round was started");
        assertEquals(3, state.getJsonArray("participants").size(), "nobody was kicked");
        assertTrue(state.getJsonArray("participants").getValuesAs(JsonObject.class).stream()
                .noneMatch(p -> p.getBoolean("hasVoted")), "the observer's vote was not taken");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"4", "½", "☕", "XL", "", " 5", "5 ", "100"})
    void cardsOutsideTheDeckAreInvalidCards(String card) {
        voter.sendExpectingError("vote.cast.v1", Jsons.object("cardValue", card), "INVALID_CARD");

        JsonObject you = voter.sync().getJsonObject("payload").getJsonObject("you");
        assertTrue(you.isNull("cardValue"), () -> "no vote was recorded: " + you);
    }

    @Test
    void votingRetractingAndResettingAfterTheRevealIsRoundRevealed() {
        voter.awaitReply(voter.send("vote.cast.v1", Jsons.object("cardValue", "5")));
        host.awaitReply(host.send("round.reveal.v1"));
        voter.awaitFrame("round.revealed.v1");

        voter.sendExpectingError("vote.cast.v1", Jsons.object("cardValue", "8"), "ROUND_REVEALED");
        voter.sendExpectingError("vote.retract.v1", Jsons.object(), "ROUND_REVEALED");
        host.sendExpectingError("vote.cast.v1", Jsons.object("cardValue", "1"), "ROUND_REVEALED");
        host.sendExpectingError("round.reveal.v1", Jsons.object(), "ROUND_REVEALED");
        host.sendExpectingError("round.reset.v1", Jsons.object(), "ROUND_REVEALED");

        JsonObject state = observer.sync().getJsonObject("payload");
        assertTrue(state.getJsonObject("round").getBoolean("revealed"));
        List<JsonObject> revealed = state.getJsonArray("revealedVotes").getValuesAs(JsonObject.class);
        assertEquals(1, revealed.size());
        assertEquals("5", revealed.get(0).getString("cardValue"), "the revealed vote is unchanged");
    }

    @Test
    void kickingOrPromotingSomeoneNotInTheRoomIsNotFound() {
        String stranger = UUID.randomUUID().toString();

        host.sendExpectingError("participant.kick.v1", Jsons.object("participantId", stranger), "NOT_FOUND");
        host.sendExpectingError("host.transfer.v1", Jsons.object("participantId", stranger), "NOT_FOUND");

        // Someone who left is no longer in the room either.
        String voterId = voter.participantId();
        voter.awaitReply(voter.send("room.leave.v1"));
        host.awaitFrame("participant.left.v1");
        host.sendExpectingError("participant.kick.v1", Jsons.object("participantId", voterId), "NOT_FOUND");
        assertEquals(2, host.sync().getJsonObject("payload").getJsonArray("participants").size());
    }

    @Test
    void tooManyMessagesAreRateLimitedWithoutClosingTheConnection() {
        // 55 pings at once: the burst allowance is 40 (one spent on the join), so some are refused, but fewer than
        // the 20 refusals that would count as flooding.
        List<String> requestIds = new ArrayList<>();
        for (int i = 0; i < 55; i++) {
            requestIds.add(voter.send("ping.v1"));
        }

        JsonObject refusal = voter.awaitFrame("error.v1");

        assertEquals("RATE_LIMITED", refusal.getJsonObject("payload").getString("code"));
        List<JsonObject> frames = voter.frames();
        long pongsBeforeRefusal = frames.subList(0, frames.indexOf(refusal)).stream()
                .filter(f -> "pong.v1".equals(f.getString("type"))).count();
        assertTrue(pongsBeforeRefusal >= 39, () -> "the burst allowance (40, one spent on the join) was served first: "
                + pongsBeforeRefusal);
        assertTrue(requestIds.contains(refusal.getString("requestId", null)),
                () -> "a refusal echoes the requestId of the refused message: " + refusal);
        assertFalse(refusal.containsKey("seq"));
        // Once the bucket refills the connection is served again; it was never closed.
        await("served again").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> "pong.v1".equals(voter.awaitReply(voter.send("ping.v1")).getString("type")));
        assertFalse(voter.isClosed(), "refusals do not close the connection");
    }

    private void assertNobodyVotedAndHostUnchanged() {
        JsonObject state = host.sync().getJsonObject("payload");
        for (JsonObject participant : state.getJsonArray("participants").getValuesAs(JsonObject.class)) {
            assertFalse(participant.getBoolean("hasVoted"), () -> "no vote was recorded: " + participant);
            assertEquals(participant.getString("id").equals(host.participantId()), participant.getBoolean("host"));
        }
    }

    private static String roomIdOf(RoomClient joined) {
        return joined.sync().getJsonObject("payload").getJsonObject("room").getString("id");
    }
}
