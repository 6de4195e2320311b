package dev.scrumpoker.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One simulated person in a room: one WebSocket, and what it has seen, stamped with arrival times. Frames are read
 * on the shared I/O threads; each frame is parsed once and only the facts the measurements need are kept.
 */
final class Participant implements WebSocket.Listener {

    final int index;
    final String token;
    private final Signal signal;
    private final StringBuilder partial = new StringBuilder();

    private volatile WebSocket socket;
    private volatile String participantId;
    private volatile JsonNode lastState;
    private volatile long stateAt;
    private volatile long lastSeq = -1;
    private volatile int seqGaps;
    private volatile int revealedRound;
    private volatile long revealedAt;
    private volatile int revealedCount;
    private volatile int startedRound;
    private volatile long startedAt;
    private volatile String closeReason;
    /** When this connection last saw vote.recorded.v1 of each participant. */
    final Map<String, Long> voteSeenAt = new ConcurrentHashMap<>();
    /** Replies to this connection's own requests, by requestId: arrival time, or -1 for error.v1. */
    final Map<String, Long> replies = new ConcurrentHashMap<>();

    Participant(int index, String token, Signal signal) {
        this.index = index;
        this.token = token;
        this.signal = signal;
    }

    /** Opens the connection and sends room.join.v1; completes when the socket is open. */
    CompletableFuture<WebSocket> connect(String host, int port, String roomId) {
        lastState = null;
        closeReason = null;
        URI uri = URI.create("ws://" + host + ":" + port + "/ws/room/" + roomId + "?token=" + token);
        // Completes on the shared I/O threads: nothing here may block them (the join is sent without waiting).
        return Transport.HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, this)
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
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
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
        closeReason = statusCode + " " + reason;
        signal.changed();
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        closeReason = "error: " + error;
        signal.changed();
    }

    private void handle(String text, long arrived) {
        JsonNode frame;
        try {
            frame = Transport.JSON.readTree(text);
        } catch (IOException unreadable) {
            return;
        }
        String type = frame.path("type").asText();
        JsonNode payload = frame.path("payload");
        JsonNode seq = frame.get("seq");
        if (seq != null && !"room.state.v1".equals(type)) {
            long value = seq.asLong();
            if (lastSeq >= 0 && value != lastSeq + 1) {
                seqGaps++;
            }
            lastSeq = value;
        }
        String requestId = frame.path("requestId").asText(null);
        switch (type) {
            case "room.state.v1" -> {
                lastSeq = payload.path("seq").asLong();
                participantId = payload.path("you").path("participantId").asText();
                stateAt = arrived;
                lastState = payload;
            }
            case "vote.recorded.v1" -> voteSeenAt.put(payload.path("participantId").asText(), arrived);
            case "round.revealed.v1" -> {
                revealedCount = payload.path("votes").size();
                revealedAt = arrived;
                revealedRound = payload.path("roundNumber").asInt();
            }
            case "round.started.v1" -> {
                startedAt = arrived;
                startedRound = payload.path("roundNumber").asInt();
            }
            case "error.v1" -> {
                if (requestId != null) {
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
        signal.changed();
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

    String closeReason() {
        return closeReason;
    }
}
