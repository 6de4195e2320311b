package dev.scrumpoker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What operators and tools rely on: health checks, Prometheus metrics, the OpenAPI document. */
class OperationsIT {

    private static final String METRICS_USER = Server.required("metrics.user");
    private static final String METRICS_PASSWORD = Server.required("metrics.password");

    @BeforeAll
    static void serverIsReady() {
        Server.A.awaitReady();
    }

    @Test
    void readinessIsUpWithPostgresqlAndRedisChecked() {
        ApiResponse ready = Api.getAbsolute("/health/ready");

        JsonObject health = ready.expect(200);
        assertEquals("UP", health.getString("status"));
        assertTrue(health.getJsonArray("checks").getValuesAs(JsonValue::asJsonObject).stream()
                        .allMatch(check -> "UP".equals(check.getString("status"))),
                () -> "every readiness check is UP: " + health);
        assertTrue(ready.body().contains("postgresql") && ready.body().contains("redis"),
                () -> "readiness covers PostgreSQL and Redis: " + ready.body());
    }

    @Test
    void livenessIsUp() {
        JsonObject health = Api.getAbsolute("/health/live").expect(200);

        assertEquals("UP", health.getString("status"));
    }

    /** The contract: /metrics is for a scraper holding the metrics credentials; without them, 401. */
    @Test
    void metricsAreOnlyForTheMetricsReader() {
        assertEquals(401, Https.get("/metrics", null, null).statusCode());
        assertEquals(401, Https.get("/metrics", METRICS_USER, METRICS_PASSWORD + "x").statusCode());
        assertEquals(401, Https.get("/metrics", "someone", METRICS_PASSWORD).statusCode());
        ApiResponse plainHttp = Api.getAbsolute("/metrics");
        assertEquals(302, plainHttp.status(), "plain HTTP is sent to HTTPS, where credentials are asked for");
        assertTrue(plainHttp.header("Location").startsWith("https://"), plainHttp.header("Location"));
    }

    @Test
    void metricsServeTheRoomMetersInPrometheusFormat() {
        // Some traffic first, so that the counters and the vote timer have been recorded at least once.
        Api.User owner = Api.freshGuest();
        JsonObject room = Api.createRoom(owner);
        try (RoomClient host = RoomClient.connect(room.getString("id"), owner)) {
            host.join("VOTER");
            host.awaitReply(host.send("vote.cast.v1", Jsons.object("cardValue", "5")));

            HttpResponse<String> metrics = Https.get("/metrics", METRICS_USER, METRICS_PASSWORD);

            assertEquals(200, metrics.statusCode());
            String type = metrics.headers().firstValue("Content-Type").orElse("");
            assertTrue(type.startsWith("text/plain"), type);
            for (String meter : new String[] {"scrumpoker_ws_connections", "scrumpoker_vote_ack",
                    "scrumpoker_ws_messages_in"}) {
                assertTrue(metrics.body().contains(meter), () -> "/metrics has no " + meter);
            }
            assertTrue(metrics.body().lines().anyMatch(line -> line.startsWith("scrumpoker_ws_messages_in")
                            && line.contains("vote.cast.v1")),
                    "incoming messages are counted by type");
        }
    }

    @Test
    void openApiDocumentDescribesTheRoomsApi() {
        ApiResponse openApi = Api.getAbsolute("/openapi");

        assertEquals(200, openApi.status());
        assertTrue(openApi.body().contains("/api/v1/rooms"), "the OpenAPI document lists /api/v1/rooms");
        assertTrue(openApi.body().contains("/api/v1/auth/guest"), "the OpenAPI document lists /api/v1/auth/guest");
    }
}
