package dev.scrumpoker.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A client that keeps talking but never reads. What is written to it fills the kernel's buffers, then its send queue,
 * and the server closes it (1013); all the while its room goes on delivering to everyone else, because a room's
 * thread never waits on one connection's socket. Writing frames synchronously from the room's thread fails this test:
 * the reader is never closed and the thread stays blocked on it.
 */
class SlowReaderIT {

    private static final int HELPERS = 6;
    private static final String[] CARDS = {"1", "2", "3", "5"};
    /** The longest gap between two of the room's events while the reader stalls; they are sent every few ms. */
    private static final long LONGEST_QUIET_MS = 5_000;

    @Test
    void aClientThatNeverReadsIsClosedWhileItsRoomPlaysOn() {
        Api.User owner = Api.freshGuest();
        String roomId = Api.createRoom(owner).getString("id");
        RoomClient host = RoomClient.connect(roomId, owner);
        List<RoomClient> helpers = new ArrayList<>();
        ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
        try {
            host.join("VOTER");
            // Long names and a long story make every room state a few KiB, so the stalled reader's buffers fill fast.
            host.send("round.start.v1", Jsons.object("storyTitle", "s".repeat(200)));
            host.awaitFrame("round.started.v1");
            for (int i = 0; i < HELPERS; i++) {
                RoomClient helper = RoomClient.connect(roomId, Api.freshGuest().token());
                helper.join(i + "-" + "h".repeat(38), "VOTER");
                helpers.add(helper);
            }
            String stalledName = "never-reads-" + "r".repeat(28);
            try (RawWebSocket stalled = RawWebSocket.openWithReceiveBuffer(
                    RoomClient.uri(roomId, Api.freshGuest().token(), null), 4096)) {
                stallAndAwaitItsClose(host, helpers, stalled, stalledName, pace);
            }
            String requestId = helpers.get(0).send("vote.cast.v1", Jsons.object("cardValue", "8"));
            helpers.get(0).awaitReply(requestId);
            JsonObject seen = host.awaitFrame("vote.recorded.v1", frame -> helpers.get(0).participantId()
                    .equals(frame.getJsonObject("payload").getString("participantId")));
            assertTrue(seen.containsKey("seq"));
        } finally {
            pace.shutdownNow();
            helpers.forEach(RoomClient::close);
            host.close();
        }
    }

    /**
     * Joins the reader, then has it ask for the room's state while the helpers vote, until the host sees it
     * disconnected; checks the room kept delivering meanwhile.
     */
    private static void stallAndAwaitItsClose(RoomClient host, List<RoomClient> helpers, RawWebSocket stalled,
                                              String stalledName, ScheduledExecutorService pace) {
        stalled.sendTextFrame(Jsons.object("type", "room.join.v1",
                "payload", Jsons.object("displayName", stalledName, "role", "VOTER")).toString());
        String stalledId = host.awaitFrame("participant.joined.v1", frame -> stalledName.equals(
                frame.getJsonObject("payload").getJsonObject("participant").getString("displayName")))
                .getJsonObject("payload").getJsonObject("participant").getString("id");

        // Below the flood limit of 20 messages a second per connection.
        AtomicInteger tick = new AtomicInteger();
        String sync = Jsons.object("type", "room.sync.v1", "payload", Jsons.object()).toString();
        pace.scheduleAtFixedRate(() -> {
            String vote = Jsons.object("type", "vote.cast.v1",
                    "payload", Jsons.object("cardValue", CARDS[tick.incrementAndGet() % CARDS.length])).toString();
            helpers.forEach(helper -> helper.trySendText(vote));
            try {
                stalled.sendTextFrame(sync);
            } catch (UncheckedIOException closedByServer) {
                // expected in the end: the server has closed it
            }
        }, 0, 70, TimeUnit.MILLISECONDS);

        host.awaitFrame("participant.disconnected.v1",
                frame -> stalledId.equals(frame.getJsonObject("payload").getString("participantId")),
                Duration.ofSeconds(120));
        pace.shutdownNow();

        long quiet = longestQuietMillis(host.frames());
        assertTrue(quiet < LONGEST_QUIET_MS, () -> "the room stopped delivering for " + quiet + " ms");
        assertFalse(host.isClosed());
    }

    /** The longest time between two consecutive votes the host saw recorded, by the server's own timestamps. */
    private static long longestQuietMillis(List<JsonObject> frames) {
        long longest = 0;
        long previous = -1;
        for (JsonObject frame : frames) {
            if ("vote.recorded.v1".equals(frame.getString("type"))) {
                long ts = frame.getJsonNumber("ts").longValue();
                if (previous >= 0) {
                    longest = Math.max(longest, ts - previous);
                }
                previous = ts;
            }
        }
        return longest;
    }
}
