package dev.scrumpoker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How the host runs the session: rounds that reveal themselves, and a countdown everyone sees end together. */
class SessionFlowIT {

    @BeforeAll
    static void serverIsReady() {
        Server.A.awaitReady();
    }

    @Test
    void withAutoRevealTheLastVoteRevealsTheRoundAnObserverNotAwaited() {
        Api.User owner = Api.freshGuest();
        String roomId = Api.createRoom(owner).getString("id");
        try (RoomClient host = RoomClient.connect(roomId, owner);
             RoomClient voter = RoomClient.connect(roomId, Api.guest("Vic"));
             RoomClient observer = RoomClient.connect(roomId, Api.guest("Olga"))) {
            host.join("VOTER");
            voter.join("VOTER");
            observer.join("OBSERVER");
            voter.sendExpectingError("room.settings.v1", Jsons.object("autoReveal", true), "FORBIDDEN");
            host.sendExpectingError("room.settings.v1", Jsons.object("autoReveal", "yes"), "INVALID_MESSAGE");

            JsonObject changed = host.awaitReply(host.send("room.settings.v1", Jsons.object("autoReveal", true)));
            assertEquals("settings.changed.v1", changed.getString("type"));
            assertEquals(Jsons.object("autoReveal", true), observer.awaitPayload("settings.changed.v1"));
            assertEquals(Jsons.object("autoReveal", true),
                    observer.sync().getJsonObject("payload").getJsonObject("settings"));

            host.awaitReply(host.send("vote.cast.v1", Jsons.object("cardValue", "5")));
            voter.send("vote.cast.v1", Jsons.object("cardValue", "8"));

            JsonObject revealed = observer.awaitPayload("round.revealed.v1");
            assertEquals(2, revealed.getJsonArray("votes").size(), "the observer neither voted nor held it up");
            assertEquals(2, host.awaitPayload("round.revealed.v1").getJsonObject("stats").getInt("count"));
            Frames.assertSameEventsEverywhere(List.of(host, voter, observer));
        }
    }

    @Test
    void aCountdownSurvivesAReconnectAndStopsWithTheReveal() {
        Api.User owner = Api.freshGuest();
        Api.User vic = Api.guest("Vic");
        String roomId = Api.createRoom(owner).getString("id");
        try (RoomClient host = RoomClient.connect(roomId, owner)) {
            host.join("VOTER");
            RoomClient voter = RoomClient.connect(roomId, vic);
            voter.join("VOTER");
            voter.sendExpectingError("countdown.start.v1", Jsons.object("seconds", 60), "FORBIDDEN");
            host.sendExpectingError("countdown.start.v1", Jsons.object("seconds", 4), "INVALID_MESSAGE");
            host.sendExpectingError("countdown.stop.v1", Jsons.object(), "INVALID_MESSAGE");

            JsonObject started = host.awaitReply(host.send("countdown.start.v1", Jsons.object("seconds", 90)));
            long endsAt = started.getJsonObject("payload").getJsonNumber("endsAt").longValue();
            assertEquals(started.getJsonNumber("ts").longValue() + 90_000, endsAt, "ends 90 s after the server's ts");
            assertEquals(endsAt, voter.awaitPayload("countdown.started.v1").getJsonNumber("endsAt").longValue());

            voter.drop();
            try (RoomClient back = RoomClient.connect(roomId, vic)) {
                JsonObject state = back.join("VOTER").getJsonObject("payload");
                assertEquals(endsAt, state.getJsonObject("countdown").getJsonNumber("endsAt").longValue(),
                        "the same end after a reconnect");
                host.awaitReply(host.send("vote.cast.v1", Jsons.object("cardValue", "3")));
                host.awaitReply(host.send("round.reveal.v1"));
                back.awaitFrame("countdown.stopped.v1");
                assertEquals(JsonValue.NULL, back.sync().getJsonObject("payload").get("countdown"));
            }
        }
    }
}
