package dev.scrumpoker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The room's owner stays in control of it: takes host back from whoever has it, lets removed people back in, and
 * replaces the invitation (which a kick replaces too). Removed people lose the room's history until let back in.
 */
class OwnerControlsIT {

    private static final int FORBIDDEN = 4403;

    @BeforeAll
    static void serverIsReady() {
        Server.A.awaitReady();
    }

    @Test
    void theOwnerTakesHostBackFromAStrangerWhoJoinedFirst() {
        Api.User owner = Api.freshGuest();
        Api.User stranger = Api.freshGuest();
        String roomId = Api.createRoom(owner).getString("id");
        try (RoomClient first = RoomClient.connect(roomId, stranger);
             RoomClient ownerClient = RoomClient.connect(roomId, owner)) {
            first.join("VOTER");
            ownerClient.join("VOTER");
            assertTrue(isHost(first.sync(), first.participantId()), "the first to join hosts, as the contract says");

            first.sendExpectingError("host.claim.v1", Jsons.object(), "FORBIDDEN");
            String claim = ownerClient.send("host.claim.v1");

            JsonObject changed = ownerClient.awaitReply(claim);
            assertEquals("host.changed.v1", changed.getString("type"));
            assertEquals(ownerClient.participantId(), changed.getJsonObject("payload").getString("participantId"));
            assertEquals(ownerClient.participantId(),
                    first.awaitPayload("host.changed.v1").getString("participantId"));
            first.sendExpectingError("round.reveal.v1", Jsons.object(), "FORBIDDEN");
            ownerClient.sendExpectingError("host.claim.v1", Jsons.object(), "INVALID_MESSAGE");
        }
    }

    @Test
    void aKickReplacesTheInvitationAndTheOwnerCanReplaceItAgain() {
        Api.User owner = Api.freshGuest();
        Api.User invitee = Api.freshGuest();
        JsonObject room = Api.createRoom(owner, Jsons.object("title", "Secret sprint", "privacy", "INVITE_ONLY"));
        String roomId = room.getString("id");
        String firstKey = inviteKey(room);
        try (RoomClient host = RoomClient.connect(roomId, owner)) {
            host.join("VOTER");
            RoomClient guest = RoomClient.connectWithInvite(roomId, invitee.token(), firstKey);
            guest.join("VOTER");

            host.send("participant.kick.v1", Jsons.object("participantId", guest.participantId()));
            assertEquals(FORBIDDEN, guest.awaitClose());
            host.awaitFrame("invite.rotated.v1");

            // The removed person (here with a fresh guest account) cannot come back with the link they knew.
            RoomClient withOldLink = RoomClient.connectWithInvite(roomId, Api.freshGuest().token(), firstKey);
            assertEquals(FORBIDDEN, withOldLink.awaitClose());
            String secondKey = inviteKey(Api.get("/rooms/" + roomId, owner.token()).expect(200));
            assertNotEquals(firstKey, secondKey);
            try (RoomClient newcomer = RoomClient.connectWithInvite(roomId, Api.freshGuest().token(), secondKey)) {
                newcomer.join("VOTER");

                String rotate = host.send("invite.rotate.v1");
                assertEquals("invite.rotated.v1", host.awaitReply(rotate).getString("type"));
                JsonObject heard = newcomer.awaitFrame("invite.rotated.v1");
                assertEquals(0, heard.getJsonObject("payload").size(), "the event never carries the key");
                newcomer.sendExpectingError("invite.rotate.v1", Jsons.object(), "FORBIDDEN");
            }
            String thirdKey = inviteKey(Api.get("/rooms/" + roomId, owner.token()).expect(200));
            assertNotEquals(secondKey, thirdKey);
            RoomClient withSecondLink = RoomClient.connectWithInvite(roomId, Api.freshGuest().token(), secondKey);
            assertEquals(FORBIDDEN, withSecondLink.awaitClose());
        }
        List<String> actions = Api.get("/rooms/" + roomId + "/audit?limit=100", owner.token()).expect(200)
                .getJsonArray("items").getValuesAs(JsonObject.class).stream().map(e -> e.getString("action")).toList();
        assertEquals(2, actions.stream().filter("INVITATION_ROTATED"::equals).count(), () -> "audit: " + actions);
    }

    @Test
    void aRemovedParticipantLosesTheHistoryUntilTheOwnerLetsThemBackIn() {
        Api.User owner = Api.freshGuest();
        Api.User removed = Api.freshGuest();
        String roomId = Api.createRoom(owner).getString("id");
        String rounds = "/rooms/" + roomId + "/rounds";
        try (RoomClient host = RoomClient.connect(roomId, owner)) {
            host.join("VOTER");
            RoomClient guest = RoomClient.connect(roomId, removed);
            guest.join("VOTER");
            String participantId = guest.participantId();
            host.send("round.reveal.v1");
            guest.awaitFrame("round.revealed.v1");
            Api.get(rounds, removed.token()).expect(200);

            host.send("participant.kick.v1", Jsons.object("participantId", participantId));
            assertEquals(FORBIDDEN, guest.awaitClose());

            Api.get(rounds, removed.token()).expectError(403, "FORBIDDEN");
            Api.get(rounds + ".csv", removed.token()).expectError(403, "FORBIDDEN");
            Api.get(rounds, Api.freshGuest().token()).expect(200); // a public room's history stays public
            assertEquals(FORBIDDEN, RoomClient.connect(roomId, removed).awaitClose());
            JsonObject ownerState = host.sync().getJsonObject("payload");
            assertEquals(participantId, ownerState.getJsonArray("removed").getJsonObject(0).getString("participantId"));

            String unban = host.send("participant.unban.v1", Jsons.object("participantId", participantId));
            JsonObject unbanned = host.awaitReply(unban);
            assertEquals("participant.unbanned.v1", unbanned.getString("type"));
            assertEquals(participantId, unbanned.getJsonObject("payload").getString("participantId"));
            assertTrue(host.sync().getJsonObject("payload").getJsonArray("removed").isEmpty());

            Api.get(rounds, removed.token()).expect(200);
            try (RoomClient back = RoomClient.connect(roomId, removed)) {
                JsonObject state = back.join("VOTER").getJsonObject("payload");
                assertEquals(participantId, state.getJsonObject("you").getString("participantId"),
                        "the same seat comes back");
                assertFalse(state.containsKey("removed"), "only the owner sees who was removed");
                back.sendExpectingError("participant.unban.v1", Jsons.object("participantId", participantId),
                        "FORBIDDEN");
            }
        }
        List<String> actions = Api.get("/rooms/" + roomId + "/audit?limit=100", owner.token()).expect(200)
                .getJsonArray("items").getValuesAs(JsonObject.class).stream().map(e -> e.getString("action")).toList();
        assertTrue(actions.contains("PARTICIPANT_UNBANNED"), () -> "audit: " + actions);
    }

    private static boolean isHost(JsonObject state, String participantId) {
        return state.getJsonObject("payload").getJsonArray("participants").getValuesAs(JsonObject.class).stream()
                .anyMatch(p -> p.getString("id").equals(participantId) && p.getBoolean("host"));
    }

    private static String inviteKey(JsonObject room) {
        String joinUrl = room.getString("joinUrl");
        assertTrue(joinUrl.contains("?invite="), () -> "the owner's joinUrl carries the invitation: " + joinUrl);
        return joinUrl.substring(joinUrl.indexOf("?invite=") + "?invite=".length());
    }
}
