package dev.scrumpoker.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL restarts under a room played on two nodes. While it is down, changes fail fast with UNAVAILABLE (never
 * acknowledged, never half-applied), REST answers 503 with the contract's error shape, and readiness is DOWN; when
 * it is back, the same servers (not restarted) serve again and nothing acknowledged before was lost.
 */
class PostgresOutageIT extends TwoNodeTest {

    /** What "fail fast" means here: well under a browser's patience, on a busy 2-core machine. */
    private static final Duration FAST = Duration.ofSeconds(5);

    @Test
    void changesFailFastWhilePostgresqlIsDownAndNothingAcknowledgedIsLost() {
        Api.User owner = Api.freshGuest();
        String roomId = Api.createRoom(owner).getString("id");
        RoomClient host = connect(Server.A, roomId, owner, "host@A");
        host.join("VOTER");
        RoomClient bea = connect(Server.B, roomId, Api.guest("Bea"), "bea@B");
        bea.join("VOTER");
        bea.awaitReply(bea.send("vote.cast.v1", Jsons.object("cardValue", "8")));

        Services.stopPostgresql();
        try {
            long started = System.nanoTime();
            JsonObject refused = host.awaitReply(host.send("vote.cast.v1", Jsons.object("cardValue", "3")));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertEquals("UNAVAILABLE", refused.getJsonObject("payload").getString("code"), refused::toString);
            assertTrue(took.compareTo(FAST) < 0, "refused in " + took.toMillis() + " ms");

            ApiResponse rooms = Api.get("/rooms", owner.token());
            assertEquals(503, rooms.status(), rooms::toString);
            assertEquals("UNAVAILABLE", rooms.json().getString("error"));
            await("node A not ready without PostgreSQL").atMost(RECOVERY).ignoreExceptions()
                    .until(() -> Server.A.status("/health/ready") == 503);
        } finally {
            Services.start();
        }
        awaitBothReady();

        await("votes are taken again").atMost(RECOVERY).pollInterval(Duration.ofSeconds(1)).until(() -> {
            JsonObject answer = host.awaitReply(host.send("vote.cast.v1", Jsons.object("cardValue", "3")));
            return answer.getString("type").equals("vote.recorded.v1");
        });
        JsonObject revealed = host.awaitReply(host.send("round.reveal.v1")).getJsonObject("payload");
        assertEquals(2, revealed.getJsonObject("stats").getInt("count"), "Bea's acknowledged vote and the host's");
        assertEquals(200, Api.get("/rooms/" + roomId + "/rounds", owner.token()).status());
    }
}
