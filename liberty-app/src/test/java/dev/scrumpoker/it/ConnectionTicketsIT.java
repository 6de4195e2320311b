package dev.scrumpoker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The web UI opens rooms with one-time tickets, so its token never goes into a URL; tokens keep working too. */
class ConnectionTicketsIT {

    private static final int UNAUTHORIZED = 4401;

    @BeforeAll
    static void serverIsReady() {
        Server.A.awaitReady();
    }

    @Test
    void aTicketOpensTheRoomAsItsUserOnce() {
        Api.User owner = Api.freshGuest();
        String roomId = Api.createRoom(owner).getString("id");
        String seat;
        try (RoomClient withToken = RoomClient.connect(roomId, owner)) {
            seat = withToken.join("VOTER").getJsonObject("payload").getJsonObject("you").getString("participantId");
        }
        JsonObject issued = Api.post("/auth/ws-ticket", owner.token(), Jsons.object()).expect(201);
        assertEquals(30, issued.getInt("expiresIn"));
        String ticket = issued.getString("ticket");

        try (RoomClient withTicket = RoomClient.open(withTicket(roomId, ticket))) {
            JsonObject you = withTicket.join("VOTER").getJsonObject("payload").getJsonObject("you");
            assertEquals(seat, you.getString("participantId"), "the ticket's user gets the same seat");
        }

        RoomClient again = RoomClient.open(withTicket(roomId, ticket));
        assertEquals(UNAUTHORIZED, again.awaitClose(), "a ticket is good for one connection");
    }

    @Test
    void aForgedTicketIsRefusedAndNoTicketWithoutAToken() {
        Api.User owner = Api.freshGuest();
        String roomId = Api.createRoom(owner).getString("id");
        String ticket = Api.post("/auth/ws-ticket", owner.token(), Jsons.object()).expect(201).getString("ticket");
        String otherUsers = Api.post("/auth/ws-ticket", Api.freshGuest().token(), Jsons.object()).expect(201)
                .getString("ticket");
        String forged = otherUsers.substring(0, otherUsers.indexOf('.')) + ticket.substring(ticket.indexOf('.'));

        assertEquals(UNAUTHORIZED, RoomClient.open(withTicket(roomId, forged)).awaitClose());
        assertEquals(UNAUTHORIZED, RoomClient.open(withTicket(roomId, owner.token())).awaitClose(),
                "a token is not a ticket");
        Api.post("/auth/ws-ticket", null, Jsons.object()).expectError(401, "UNAUTHORIZED");
    }

    private static URI withTicket(String roomId, String ticket) {
        return Server.A.ws("/ws/room/" + roomId + "?ticket=" + URLEncoder.encode(ticket, StandardCharsets.UTF_8));
    }
}
