package dev.scrumpoker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks on what connections received: the seq rules of the contract, and the frames' envelope. */
final class Frames {

    private Frames() {
    }

    static long seq(JsonObject frame) {
        return frame.getJsonNumber("seq").longValue();
    }

    /**
     * Asserts the seq rules for everything one connection received: its first sequenced frame is the room.state.v1
     * of its join; each room event after it is exactly one higher than the one before (no gap, no repeat);
     * room.state.v1 carries the seq of the last event it reflects, never older than what was received (it may be newer:
     * an event still on its way from another node is then in the state and not sent again); frames without seq are replies
     * (pong.v1, error.v1). Answers the room events in the order received.
     */
    static List<JsonObject> assertGapFreeSeq(RoomClient client) {
        List<JsonObject> events = new ArrayList<>();
        Long last = null;
        for (JsonObject frame : client.frames()) {
            String type = frame.getString("type");
            assertTrue(frame.containsKey("ts"), () -> "every server frame has ts: " + frame);
            if (!frame.containsKey("seq")) {
                assertTrue(type.equals("pong.v1") || type.equals("error.v1"),
                        () -> client + ": a room event without seq: " + frame);
                continue;
            }
            long seq = seq(frame);
            if (type.equals("room.state.v1")) {
                assertEquals(seq, frame.getJsonObject("payload").getJsonNumber("seq").longValue(),
                        () -> "room.state.v1 carries the same seq in envelope and payload: " + frame);
                if (last != null) {
                    assertTrue(seq >= last, client + ": room.state.v1 older than an event already received");
                }
            } else {
                assertNotNull(last, () -> client + ": a room event before the join's room.state.v1: " + frame);
                assertEquals(last + 1, seq, () -> client + ": seq gap or repeat at " + frame + " in " + client.frames());
                events.add(frame);
            }
            last = seq;
        }
        return events;
    }

    /**
     * Asserts that every connection saw every room event it shares with another in the same place of the order:
     * for each seq, the same type, payload and ts everywhere (only the echoed requestId may differ).
     */
    static void assertSameEventsEverywhere(List<RoomClient> clients) {
        Map<Long, JsonObject> bySeq = new HashMap<>();
        Map<Long, RoomClient> firstSeenBy = new HashMap<>();
        for (RoomClient client : clients) {
            for (JsonObject event : assertGapFreeSeq(client)) {
                long seq = seq(event);
                JsonObject comparable = withoutRequestId(event);
                JsonObject earlier = bySeq.putIfAbsent(seq, comparable);
                firstSeenBy.putIfAbsent(seq, client);
                if (earlier != null) {
                    assertEquals(earlier, comparable, () -> "seq " + seq + " differs between "
                            + firstSeenBy.get(seq) + " and " + client);
                }
            }
        }
        assertFalse(bySeq.isEmpty(), "some room events were received");
    }

    static JsonObject withoutRequestId(JsonObject frame) {
        JsonObjectBuilder builder = Json.createObjectBuilder(frame);
        builder.remove("requestId");
        return builder.build();
    }
}
