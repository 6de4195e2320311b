package dev.scrumpoker.loadtest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One simulated person in a room: one WebSocket, and what it has seen, stamped with arrival times. Frames are read
 * on the shared I/O threads; each frame is parsed once and only the facts the measurements need are kept.
 */
final class Participant implements WebSocket.Listener {

    private static final AtomicInteger SPREAD = new AtomicInteger();

    final int index;
    final String token;
    /** Which of the shared clients reads this connection's frames. */
    private final int spread = SPREAD.getAndIncrement();
    private final Signal signal;
    private final StringBuilder partial = new StringBuilder();

    private volatile WebSocket socket;
    private volatile String participantId;
    private volatile JsonNode lastState;
    private volatile long stateAt;
    private volatile long lastSeq = -1;
    private volatile int seqGaps;
    /** What the first gap looked like, for the failure message: a gap is a defect to find, not just to count. */
    private volatile String firstGap;
    private volatile int revealedRound;
    private volatile long revealedAt;
    private volatile int revealedCount;
    private volatile int startedRound;
    private volatile long startedAt;
    private volatile String closeReason;
    /** When this connection last saw vote.recorded.v1 of each participant. */
    final Map<String, Long> voteSeenAt = new ConcurrentHashMap<>();
    /** The backlog's stories as this connection saw them added, in order. */
    final List<String> storyIds = new CopyOnWriteArrayList<>();
    private volatile long storyAddedAt;
    private volatile int estimates;
    private volatile long estimatedAt;
    /** Replies to this connection's own requests, by requestId: arrival time, or -1 for error.v1. */
    final Map<String, Long> replies = new ConcurrentHashMap<>();
    /** The code of each error.v1 among the replies, by requestId. */
    final Map<String, String> errorCodes = new ConcurrentHashMap<>();

    Participant(int index, String token, Signal signal) {
        this.index = index;
        this.token = token;
        this.signal = signal;
    }

    /** Opens the connection and sends room.join.v1; completes when the socket is open. */
    CompletableFuture<WebSocket> connect(Target target, String roomId) {
        lastState = null;
        closeReason = null;
        URI uri = target.room(roomId, token);
        // Completes on the shared I/O threads: nothing here may block them (the join is sent without waiting).
        return Transport.webSockets(spread).newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, this)
                .thenCompose(ws -> {
                    socket = ws;
                    return sendAsync("room.join.v1", "join-" + index,
                            Transport.JSON.createObjectNode().put("role", "VOTER"));
                });
    }

    /** Sends a frame and waits until it is written; for JMeter's threads, never the I/O threads. */
    void send(String type, String requestId, ObjectNode payload) {
        sendAsync(type, requestId, payload).join();
    }

    /** Sends a frame without waiting; safe on any thread, one frame at a time per connection. */
    CompletableFuture<WebSocket> sendAsync(String type, String requestId, ObjectNode payload) {
        ObjectNode frame = Transport.JSON.createObjectNode().put("type", type);
        if (requestId != null) {
            frame.put("requestId", requestId);
        }
        frame.set("payload", payload);
        try {
            return socket.sendText(Transport.JSON.writeValueAsString(frame), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forgets the last room.state.v1, so the next one can be told apart. */
    void forgetState() {
        lastState = null;
    }

    /** Drops the connection without a close handshake, as a network failure would. */
    void abort() {
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
    }

    void close() {
        WebSocket ws = socket;
        if (ws != null && !ws.isOutputClosed()) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    @Override
    public void onOpen(WebSocket ws) {
        // A reconnect's new socket: whatever the dropped one left half-read belongs to it, not to this one.
        socket = ws;
        partial.setLength(0);
        ws.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        if (ws != socket) {
            // A frame the dropped socket had already read: that connection is gone, and so is what it carried.
            return null;
        }
        partial.append(data);
        if (last) {
            long arrived = System.nanoTime();
            String text = partial.toString();
            partial.setLength(0);
            handle(text, arrived);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        if (ws != socket) {
            return null;
        }
        closeReason = statusCode + " " + reason;
        signal.alarm();
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        if (ws != socket) {
            return;
        }
        closeReason = "error: " + error;
        signal.alarm();
    }

    /**
     * Reads a frame as it streams, keeping only the facts the measurements need; only a room state is kept whole.
     * The waiting room thread is woken only by frames a measurement waits for.
     */
    private void handle(String text, long arrived) {
        String type = null;
        String requestId = null;
        long seq = -1;
        JsonNode state = null;
        String subject = null;
        String code = null;
        List<String> addedStories = new ArrayList<>();
        int roundNumber = 0;
        int votes = 0;
        try (JsonParser parser = Transport.JSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.getCurrentName();
                parser.nextToken();
                switch (field) {
                    case "type" -> type = parser.getText();
                    case "requestId" -> requestId = parser.getText();
                    case "seq" -> seq = parser.getLongValue();
                    case "payload" -> {
                        if ("room.state.v1".equals(type) || type == null) {
                            state = parser.readValueAsTree();
                        } else {
                            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                                String name = parser.getCurrentName();
                                JsonToken value = parser.nextToken();
                                if (name.equals("participantId") && value == JsonToken.VALUE_STRING) {
                                    subject = parser.getText();
                                } else if (name.equals("code") && value == JsonToken.VALUE_STRING) {
                                    code = parser.getText();
                                } else if (name.equals("roundNumber") && value == JsonToken.VALUE_NUMBER_INT) {
                                    roundNumber = parser.getIntValue();
                                } else if (name.equals("stories") && value == JsonToken.START_ARRAY) {
                                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                                            String storyField = parser.getCurrentName();
                                            parser.nextToken();
                                            if (storyField.equals("id")) {
                                                addedStories.add(parser.getText());
                                            } else {
                                                parser.skipChildren();
                                            }
                                        }
                                    }
                                } else if (name.equals("votes") && value == JsonToken.START_ARRAY) {
                                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                                        votes++;
                                        parser.skipChildren();
                                    }
                                } else {
                                    parser.skipChildren();
                                }
                            }
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
        } catch (IOException unreadable) {
            return;
        }
        if (type == null) {
            return;
        }
        if (seq >= 0 && !"room.state.v1".equals(type)) {
            if (lastSeq >= 0 && seq != lastSeq + 1) {
                if (seqGaps++ == 0) {
                    firstGap = "p" + index + " got " + type + " seq " + seq + " after seq " + lastSeq + ", "
                            + (stateAt == 0 ? "no state yet" : (arrived - stateAt) / 1_000_000 + " ms after its last state");
                }
            }
            lastSeq = seq;
        }
        boolean awaited = requestId != null;
        switch (type) {
            case "room.state.v1" -> {
                if (state == null) {
                    return;
                }
                lastSeq = state.path("seq").asLong();
                participantId = state.path("you").path("participantId").asText();
                stateAt = arrived;
                lastState = state;
                awaited = true;
            }
            case "vote.recorded.v1" -> {
                voteSeenAt.put(subject, arrived);
                awaited = true;
            }
            case "round.revealed.v1" -> {
                revealedCount = votes;
                revealedAt = arrived;
                revealedRound = roundNumber;
                awaited = true;
            }
            case "round.started.v1" -> {
                startedAt = arrived;
                startedRound = roundNumber;
                awaited = true;
            }
            case "stories.added.v1" -> {
                storyIds.addAll(addedStories);
                storyAddedAt = arrived;
                awaited = true;
            }
            case "story.estimated.v1" -> {
                estimates++;
                estimatedAt = arrived;
                awaited = true;
            }
            case "error.v1" -> {
                if (requestId != null) {
                    errorCodes.put(requestId, String.valueOf(code));
                    replies.put(requestId, -1L);
                }
            }
            default -> {
                // Other events only advance seq.
            }
        }
        if (requestId != null && !"error.v1".equals(type)) {
            replies.put(requestId, arrived);
        }
        if ("error.v1".equals(type)) {
            signal.alarm();
        } else if (awaited) {
            signal.changed();
        }
    }

    String participantId() {
        return participantId;
    }

    JsonNode lastState() {
        return lastState;
    }

    long stateAt() {
        return stateAt;
    }

    int seqGaps() {
        return seqGaps;
    }

    /** The first gap this participant saw, or null. */
    String firstGap() {
        return firstGap;
    }

    int revealedRound() {
        return revealedRound;
    }

    long revealedAt() {
        return revealedAt;
    }

    int revealedCount() {
        return revealedCount;
    }

    int startedRound() {
        return startedRound;
    }

    long startedAt() {
        return startedAt;
    }

    long storyAddedAt() {
        return storyAddedAt;
    }

    int estimates() {
        return estimates;
    }

    long estimatedAt() {
        return estimatedAt;
    }

    String closeReason() {
        return closeReason;
    }
}
