package dev.scrumpoker.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every close code of the contract: 4401, 4404, 4403, 4008, 1009 and 4429, each with what leads up to it. */
class CloseCodesIT {

    private static final int UNAUTHORIZED = 4401;
    private static final int FORBIDDEN = 4403;
    private static final int NOT_FOUND = 4404;
    private static final int JOIN_TIMEOUT = 4008;
    private static final int TOO_BIG = 1009;
    private static final int FLOODING = 4429;

    @BeforeAll
    static void serverIsReady() {
        Server.A.awaitReady();
    }

    @Test
    void missingTokenIsClosed4401() {
        String roomId = Api.createRoom(Api.freshGuest()).getString("id");

        RoomClient anonymous = RoomClient.open(RoomClient.uri(roomId, null, null));

        assertEquals(UNAUTHORIZED, anonymous.awaitClose());
        assertTrue(anonymous.frames().isEmpty(), "nothing is sent before the close");
    }

    @Test
    void malformedForgedAndExpiredTokensAreClosed4401() {
        Api.User owner = Api.freshGuest();
        String roomId = Api.createRoom(owner).getString("id");
        Instant now = Instant.now();
        List<String> refused = List.of(
                "not-a-token",
                owner.token().substring(0, owner.token().length() - 4) + "AAAA",
                Tokens.signedByForeignKey(owner.id(), owner.displayName()),
                // Expired an hour ago: well past any clock-skew allowance.
                Tokens.signedByServerKey(owner.id(), owner.displayName(), now.minusSeconds(7200), now.minusSeconds(3600)));

        for (String token : refused) {
            RoomClient client = RoomClient.connect(roomId, token);
            assertEquals(UNAUTHORIZED, client.awaitClose(), () -> "token " + token);
        }

        // The control: the same forging code with the server's key and current dates gives a token that works,
        // so the refusals above are about signature and expiry, not about a badly made token.
        String valid = Tokens.signedByServerKey(owner.id(), owner.displayName(), now, now.plusSeconds(600));
        try (RoomClient client = RoomClient.connect(roomId, valid)) {
            JsonObject you = client.join("VOTER").getJsonObject("payload").getJsonObject("you");
            assertNotNull(you.getString("participantId", null), "a token forged with the server's key is accepted");
        }
    }

    @Test
    void unknownRoomIsClosed4404() {
        Api.User user = Api.freshGuest();

        RoomClient client = RoomClient.connect("zzzz9999", user);

        assertEquals(NOT_FOUND, client.awaitClose());
    }

    /** A made-up room id costs one lookup: nothing is kept for it afterwards (before, each lingered two minutes). */
    @Test
    void madeUpRoomIdsLeaveNothingOnTheNode() {
        Api.User prober = Api.freshGuest();
        double before = roomsActive();

        for (int probe = 0; probe < 30; probe++) {
            RoomClient client = RoomClient.connect(madeUpRoomId(), prober);
            assertEquals(NOT_FOUND, client.awaitClose());
        }

        // Within one or two of before: a room of the previous test may still be arriving; the 30 probes must not be.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertTrue(roomsActive() <= before + 2,
                () -> "rooms held after 30 made-up ids: " + roomsActive() + ", before: " + before));
    }

    private static double roomsActive() {
        return Metrics.of("scrumpoker_rooms_active");
    }

    private static String madeUpRoomId() {
        String alphabet = "23456789abcdefghijkmnpqrstuvwxyz";
        StringBuilder id = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    @Test
    void deletedRoomSendsRoomClosedThenCloses4404AndStaysClosed() {
        Api.User owner = Api.freshGuest();
        Api.User guest = Api.freshGuest();
        String roomId = Api.createRoom(owner).getString("id");
        RoomClient host = RoomClient.connect(roomId, owner).named("host");
        RoomClient visitor = RoomClient.connect(roomId, guest).named("visitor");
        host.join("VOTER");
        visitor.join("VOTER");

        assertEquals(204, Api.delete("/rooms/" + roomId, owner.token()).status());

        for (RoomClient client : List.of(host, visitor)) {
            JsonObject closedFrame = client.awaitFrame("room.closed.v1");
            assertTrue(closedFrame.containsKey("seq"), "room.closed.v1 is a room event");
            assertEquals(NOT_FOUND, client.awaitClose());
            List<JsonObject> frames = client.frames();
            assertEquals("room.closed.v1", frames.get(frames.size() - 1).getString("type"),
                    () -> "room.closed.v1 is the last frame before the close: " + frames);
        }
        RoomClient late = RoomClient.connect(roomId, guest);
        assertEquals(NOT_FOUND, late.awaitClose(), "a deleted room cannot be entered again");
    }

    @Test
    void kickedParticipantIsClosed4403AndCannotComeBack() {
        Api.User owner = Api.freshGuest();
        Api.User troll = Api.freshGuest();
        String roomId = Api.createRoom(owner).getString("id");
        try (RoomClient host = RoomClient.connect(roomId, owner).named("host")) {
            host.join("VOTER");
            RoomClient kicked = RoomClient.connect(roomId, troll).named("troll");
            kicked.join("VOTER");

            host.send("participant.kick.v1", Jsons.object("participantId", kicked.participantId()));

            JsonObject left = kicked.awaitPayload("participant.left.v1");
            assertEquals(kicked.participantId(), left.getString("participantId"));
            assertEquals("KICKED", left.getString("reason"));
            assertEquals(FORBIDDEN, kicked.awaitClose());

            RoomClient again = RoomClient.connect(roomId, troll);
            assertEquals(FORBIDDEN, again.awaitClose(), "a kicked user is banned from the room");
        }
    }

    @Test
    void inviteOnlyRoomAdmitsOwnerAndInviteesAndClosesOthers4403() {
        Api.User owner = Api.freshGuest();
        Api.User invitee = Api.freshGuest();
        Api.User stranger = Api.freshGuest();
        JsonObject room = Api.createRoom(owner, Jsons.object("title", "Secret sprint", "privacy", "INVITE_ONLY"));
        String roomId = room.getString("id");
        String joinUrl = room.getString("joinUrl");
        assertTrue(joinUrl.contains("?invite="), () -> "the owner's joinUrl carries the invitation: " + joinUrl);
        String inviteKey = joinUrl.substring(joinUrl.indexOf("?invite=") + "?invite=".length());

        RoomClient uninvited = RoomClient.connect(roomId, stranger);
        assertEquals(FORBIDDEN, uninvited.awaitClose(), "no invitation");
        RoomClient wrongKey = RoomClient.connectWithInvite(roomId, stranger.token(), inviteKey + "x");
        assertEquals(FORBIDDEN, wrongKey.awaitClose(), "a wrong invitation");

        try (RoomClient host = RoomClient.connect(roomId, owner);
             RoomClient guest = RoomClient.connectWithInvite(roomId, invitee.token(), inviteKey)) {
            host.join("VOTER");
            JsonObject state = guest.join("VOTER");
            assertEquals(2, state.getJsonObject("payload").getJsonArray("participants").size());
            guest.close();
            // Once seated, the invitee comes back without the invitation.
            try (RoomClient back = RoomClient.connect(roomId, invitee)) {
                assertEquals(guest.participantId(),
                        back.join("VOTER").getJsonObject("payload").getJsonObject("you").getString("participantId"));
            }
        }
    }

    @Test
    void aRefusedConnectionsJoinIsNeverPlayedEvenWhenItArrivesBeforeTheClose() {
        Api.User owner = Api.freshGuest();
        String roomId = Api.createRoom(owner, Jsons.object("title", "Closed doors", "privacy", "INVITE_ONLY"))
                .getString("id");
        try (RoomClient host = RoomClient.connect(roomId, owner)) {
            host.join("VOTER");
            for (int attempt = 0; attempt < 5; attempt++) {
                // Sent at once, as browsers do on open: the server refuses the connection while the join is on its way.
                RoomClient uninvited = RoomClient.connect(roomId, Api.freshGuest());
                uninvited.trySendText("{\"type\":\"room.join.v1\",\"requestId\":\"j\",\"payload\":{\"role\":\"VOTER\"}}");
                assertEquals(FORBIDDEN, uninvited.awaitClose());
            }
            assertEquals(1, host.sync().getJsonObject("payload").getJsonArray("participants").size(),
                    "nobody got a seat through a refused connection");
        }
    }

    @Test
    void connectionThatDoesNotJoinWithinTenSecondsIsClosed4008() {
        Api.User owner = Api.freshGuest();
        Api.User lurker = Api.freshGuest();
        String roomId = Api.createRoom(owner).getString("id");
        try (RoomClient joined = RoomClient.connect(roomId, owner)) {
            joined.join("VOTER");
            long opened = System.nanoTime();
            RoomClient idle = RoomClient.connect(roomId, lurker);

            int code = idle.awaitClose(Duration.ofSeconds(20));

            Duration waited = Duration.ofNanos(System.nanoTime() - opened);
            assertEquals(JOIN_TIMEOUT, code);
            assertTrue(waited.compareTo(Duration.ofMillis(9500)) >= 0,
                    () -> "closed only after the 10 s allowance, not after " + waited.toMillis() + " ms");
            joined.ping(); // the connection that joined in time stays open
        }
    }

    @Test
    void messageOver16KiBIsClosed1009AndMessagesUnderItAreRead() {
        Api.User owner = Api.freshGuest();
        String roomId = Api.createRoom(owner).getString("id");
        RoomClient client = RoomClient.connect(roomId, owner);
        client.join("VOTER");

        // Just under the limit: read and answered (an unknown type, so the padding is harmless).
        client.sendText(messageOfSize("near", 16 * 1024 - 64));
        client.awaitError("near", "UNKNOWN_TYPE");

        // The JDK client sends this in 16 KiB fragments: the limit applies to the whole message.
        client.sendText(messageOfSize("huge", 16 * 1024 + 512));

        assertEquals(TOO_BIG, client.awaitClose());
    }

    @Test
    void singleFrameOver16KiBIsClosed1009() {
        Api.User owner = Api.freshGuest();
        String roomId = Api.createRoom(owner).getString("id");
        try (RawWebSocket browserLike = RawWebSocket.open(RoomClient.uri(roomId, owner.token(), null))) {
            browserLike.sendTextFrame(Jsons.object("type", "room.join.v1", "payload",
                    Jsons.object("role", "VOTER")).toString());

            browserLike.sendTextFrame(messageOfSize("huge", 16 * 1024 + 512));

            assertEquals(TOO_BIG, browserLike.awaitCloseCode());
        }
    }

    @Test
    void aRoomIdThatCannotBeOneIsClosed4404AtOnce() {
        RoomClient client = RoomClient.connect("not-a-room", Api.freshGuest().token());

        assertEquals(NOT_FOUND, client.awaitClose());
    }

    /** A page of another site may not open a room with a visitor's token; this site's pages and non-browsers may. */
    @Test
    void aHandshakeFromAnotherSitesPageIsClosed4403() {
        Api.User owner = Api.freshGuest();
        String roomId = Api.createRoom(owner).getString("id");
        URI uri = RoomClient.uri(roomId, owner.token(), null);

        try (RawWebSocket foreign = RawWebSocket.open(uri, "https://evil.example")) {
            assertEquals(FORBIDDEN, foreign.awaitCloseCode());
        }
        try (RawWebSocket sameSite = RawWebSocket.open(uri, "http://" + uri.getRawAuthority())) {
            sameSite.sendTextFrame(Jsons.object("type", "room.join.v1", "requestId", "j",
                    "payload", Jsons.object("role", "VOTER")).toString());
            assertTrue(sameSite.awaitText().contains("\"room.state.v1\""), "this site's own page is served");
        }
        RoomClient noOrigin = RoomClient.connect(roomId, owner);
        assertEquals("room.state.v1", noOrigin.join("VOTER").getString("type"));
        noOrigin.close();
    }

    @Test
    void moreThanTenConnectionsOfOneUserAreClosed4429() {
        Api.User owner = Api.freshGuest();
        String roomId = Api.createRoom(owner).getString("id");
        List<RoomClient> tabs = new ArrayList<>();
        try {
            for (int tab = 0; tab < 10; tab++) {
                RoomClient client = RoomClient.connect(roomId, owner);
                tabs.add(client);
                client.join("VOTER");
            }
            RoomClient eleventh = RoomClient.connect(roomId, owner);
            tabs.add(eleventh);

            assertEquals(FLOODING, eleventh.awaitClose());
            tabs.get(0).close();
            RoomClient again = RoomClient.connect(roomId, owner);
            tabs.add(again);
            assertEquals("room.state.v1", again.join("VOTER").getString("type"), "a closed tab frees its place");
        } finally {
            tabs.forEach(RoomClient::close);
        }
    }

    /**
     * Just over 16 KiB of fragments and no end: the limit holds while the message is assembled, not only once it
     * ends. Nothing is sent after the fragment that passes the limit: bytes arriving after the server has closed
     * make its kernel answer with a reset, which can discard the close frame before the client reads it (1006).
     */
    @Test
    void fragmentsPastTheLimitAreClosed1009BeforeTheMessageEnds() {
        Api.User owner = Api.freshGuest();
        String roomId = Api.createRoom(owner).getString("id");
        try (RawWebSocket raw = RawWebSocket.open(RoomClient.uri(roomId, owner.token(), null))) {
            String eightKiB = "x".repeat(8 * 1024);
            assertTrue(raw.sendFragment("{\"type\":\"" + eightKiB, true, false), "8 KiB is within the limit");
            raw.sendFragment(eightKiB, false, false);

            assertEquals(TOO_BIG, raw.awaitCloseCode());
        }
    }

    @Test
    void floodingIsRefusedWithRateLimitedThenClosed4429() {
        Api.User owner = Api.freshGuest();
        String roomId = Api.createRoom(owner).getString("id");
        RoomClient flooder = RoomClient.connect(roomId, owner);
        flooder.join("VOTER");

        int sent = 0;
        while (sent < 500 && !flooder.isClosed()
                && flooder.trySendText(Jsons.object("type", "ping.v1", "requestId", "f" + sent).toString())) {
            sent++;
        }

        assertEquals(FLOODING, flooder.awaitClose());
        List<JsonObject> frames = flooder.frames();
        assertTrue(frames.stream().anyMatch(f -> "error.v1".equals(f.getString("type"))
                        && "RATE_LIMITED".equals(f.getJsonObject("payload").getString("code"))),
                "refusals come before the close");
        long pongs = frames.stream().filter(f -> "pong.v1".equals(f.getString("type"))).count();
        int attempted = sent;
        assertTrue(pongs >= 20 && pongs < attempted,
                () -> "a burst is served, the flood is not: " + pongs + " pongs for " + attempted + " pings");
    }

    private static String messageOfSize(String requestId, int bytes) {
        String head = "{\"type\":\"padding.v1\",\"requestId\":\"" + requestId + "\",\"payload\":{\"pad\":\"";
        String tail = "\"}}";
        return head + "x".repeat(bytes - head.length() - tail.length()) + tail;
    }
}
