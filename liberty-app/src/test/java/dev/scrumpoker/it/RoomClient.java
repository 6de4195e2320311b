package dev.scrumpoker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * One WebSocket connection to a room, as a browser tab would hold it. Every frame the server sends is kept, in
 * order, in {@link #frames()} (for the seq checks) and queued for the {@code await…} methods, which wait with a
 * timeout and never sleep. Frames an {@code await} passes over stay in the history.
 */
final class RoomClient implements AutoCloseable {

    static final Duration FRAME_TIMEOUT = Duration.ofSeconds(10);
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(15);
    /** What the client reports when the connection ended without a close frame (the WebSocket standard's 1006). */
    static final int ABNORMAL_CLOSURE = 1006;

    private volatile String name;
    private final WebSocket socket;
    private final BlockingQueue<JsonObject> inbox;
    private final List<JsonObject> history;
    private final CompletableFuture<Integer> closed;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile String participantId;

    private RoomClient(String name, WebSocket socket, BlockingQueue<JsonObject> inbox, List<JsonObject> history,
                       CompletableFuture<Integer> closed) {
        this.name = name;
        this.socket = socket;
        this.inbox = inbox;
        this.history = history;
        this.closed = closed;
    }

    static RoomClient connect(String roomId, String token) {
        return open(uri(roomId, token, null));
    }

    static RoomClient connect(String roomId, Api.User user) {
        return open(uri(roomId, user.token(), null));
    }

    /** Connects to a given node of the cluster. */
    static RoomClient connect(Server node, String roomId, Api.User user) {
        return open(uri(node, roomId, user.token(), null));
    }

    static RoomClient connectWithInvite(String roomId, String token, String inviteKey) {
        return open(uri(roomId, token, inviteKey));
    }

    static URI uri(String roomId, String token, String inviteKey) {
        return uri(Server.A, roomId, token, inviteKey);
    }

    static URI uri(Server node, String roomId, String token, String inviteKey) {
        StringBuilder path = new StringBuilder("/ws/room/").append(roomId);
        String separator = "?";
        if (token != null) {
            path.append(separator).append("token=").append(URLEncoder.encode(token, StandardCharsets.UTF_8));
            separator = "&";
        }
        if (inviteKey != null) {
            path.append(separator).append("invite=").append(URLEncoder.encode(inviteKey, StandardCharsets.UTF_8));
        }
        return node.ws(path.toString());
    }

    /** Opens the connection; the handshake must succeed (refusals arrive afterwards as close codes). */
    static RoomClient open(URI uri) {
        BlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
        List<JsonObject> history = new CopyOnWriteArrayList<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        try {
            WebSocket socket = Api.HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(uri, new Listener(inbox, history, closed))
                    .get(FRAME_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return new RoomClient("c" + Integer.toHexString(System.identityHashCode(socket)), socket, inbox, history,
                    closed);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("WebSocket handshake with " + uri.getPath() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Names the connection in requestIds and failure messages ("alice-3" reads better than a hash). */
    RoomClient named(String newName) {
        this.name = newName;
        return this;
    }

    // Sending

    /** Sends a client message with a fresh requestId and returns that requestId. */
    String send(String type, JsonObject payload) {
        String requestId = name + "-" + requests.incrementAndGet();
        sendText(Jsons.object("type", type, "requestId", requestId, "payload", payload).toString());
        return requestId;
    }

    String send(String type) {
        return send(type, Jsons.object());
    }

    /** Sends any text as one frame, exactly as given. */
    synchronized void sendText(String text) {
        try {
            socket.sendText(text, true).get(FRAME_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot send on " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends a frame unless the connection is already gone; answers whether it went out. */
    synchronized boolean trySendText(String text) {
        try {
            socket.sendText(text, true).get(FRAME_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException | IllegalStateException gone) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // Protocol steps

    /** Joins with the token's name; answers the room.state.v1 reply (which must echo the requestId). */
    JsonObject join(String role) {
        return joinWith(Jsons.object("role", role));
    }

    JsonObject join(String displayName, String role) {
        return joinWith(Jsons.object("displayName", displayName, "role", role));
    }

    private JsonObject joinWith(JsonObject payload) {
        String requestId = send("room.join.v1", payload);
        JsonObject state = awaitReply(requestId);
        assertEquals("room.state.v1", state.getString("type"), () -> "join answered with " + state);
        participantId = state.getJsonObject("payload").getJsonObject("you").getString("participantId");
        return state;
    }

    /** Asks for the room's state; answers the room.state.v1 reply. */
    JsonObject sync() {
        String requestId = send("room.sync.v1");
        JsonObject state = awaitReply(requestId);
        assertEquals("room.state.v1", state.getString("type"), () -> "sync answered with " + state);
        return state;
    }

    /** Pings and waits for the pong: proves the connection is open and every earlier frame was handled. */
    void ping() {
        String requestId = send("ping.v1");
        JsonObject pong = awaitReply(requestId);
        assertEquals("pong.v1", pong.getString("type"), () -> "ping answered with " + pong);
    }

    /** Sends a message and asserts it is answered with error.v1 of the code, echoing the requestId, without seq. */
    JsonObject sendExpectingError(String type, JsonObject payload, String code) {
        String requestId = send(type, payload);
        return awaitError(requestId, code);
    }

    JsonObject awaitError(String requestId, String code) {
        JsonObject frame = awaitReply(requestId);
        assertEquals("error.v1", frame.getString("type"), () -> "expected an error for " + requestId + ": " + frame);
        assertEquals(code, frame.getJsonObject("payload").getString("code"), () -> "unexpected error " + frame);
        assertFalse(frame.getJsonObject("payload").getString("message", "").isBlank(), "error.v1 has a message");
        assertFalse(frame.containsKey("seq"), () -> "replies to one client carry no seq: " + frame);
        return frame.getJsonObject("payload");
    }

    // Receiving

    /** The next frame of this type; frames of other types that arrive first are passed over. */
    JsonObject awaitFrame(String type) {
        return awaitFrame(type, frame -> true);
    }

    JsonObject awaitFrame(String type, Predicate<JsonObject> matching) {
        return awaitFrame(type, matching, FRAME_TIMEOUT);
    }

    /** For what takes longer than a round trip: a node's lease running out, a store coming back. */
    JsonObject awaitFrame(String type, Predicate<JsonObject> matching, Duration timeout) {
        return awaitMatching(frame -> type.equals(frame.getString("type")) && matching.test(frame),
                "a " + type + " frame", timeout);
    }

    /** The payload of the next frame of this type. */
    JsonObject awaitPayload(String type) {
        return awaitFrame(type).getJsonObject("payload");
    }

    /** The first frame that echoes this requestId (an answer, or the sender's copy of a room event). */
    JsonObject awaitReply(String requestId) {
        return awaitReply(requestId, FRAME_TIMEOUT);
    }

    JsonObject awaitReply(String requestId, Duration timeout) {
        return awaitMatching(frame -> requestId.equals(frame.getString("requestId", null)),
                "a reply to " + requestId, timeout);
    }

    /** The very next frame, whatever it is. */
    JsonObject nextFrame() {
        return awaitMatching(frame -> true, "any frame");
    }

    private JsonObject awaitMatching(Predicate<JsonObject> matching, String what) {
        return awaitMatching(matching, what, FRAME_TIMEOUT);
    }

    private JsonObject awaitMatching(Predicate<JsonObject> matching, String what, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                JsonObject frame = left > 0 ? inbox.poll(left, TimeUnit.NANOSECONDS) : null;
                if (frame == null) {
                    return fail(name + " waited " + timeout.toSeconds() + " s for " + what
                            + (closed.isDone() ? " (connection closed " + closed.join() + ")" : "")
                            + "; received: " + history);
                }
                if (matching.test(frame)) {
                    return frame;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while waiting for " + what);
        }
    }

    /** Every frame received so far, in order. */
    List<JsonObject> frames() {
        return new ArrayList<>(history);
    }

    // Closing

    /** Waits for the server to close the connection and answers the close code. */
    int awaitClose() {
        return awaitClose(CLOSE_TIMEOUT);
    }

    int awaitClose(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return fail(name + " was not closed within " + timeout.toSeconds() + " s; received: " + history);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    boolean isClosed() {
        return closed.isDone();
    }

    /** Drops the TCP connection without a close frame: what a crashed browser or a lost network looks like. */
    void drop() {
        socket.abort();
        closed.complete(ABNORMAL_CLOSURE);
    }

    /** Closes politely (1000) and waits for the server's answer. */
    @Override
    public void close() {
        if (closed.isDone()) {
            socket.abort();
            return;
        }
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
            closed.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | IllegalStateException alreadyGone) {
            // The server may have gone first; abort below frees the connection either way.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            socket.abort();
        }
    }

    /** The participant id this connection sits in, once it joined. */
    String participantId() {
        return participantId;
    }

    @Override
    public String toString() {
        return name;
    }

    /** Collects whole text messages (they may arrive in parts) and the close code. */
    private static final class Listener implements WebSocket.Listener {

        private final BlockingQueue<JsonObject> inbox;
        private final List<JsonObject> history;
        private final CompletableFuture<Integer> closed;
        private final StringBuilder partial = new StringBuilder();

        Listener(BlockingQueue<JsonObject> inbox, List<JsonObject> history, CompletableFuture<Integer> closed) {
            this.inbox = inbox;
            this.history = history;
            this.closed = closed;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonObject frame = Jsons.parse(partial.toString());
                partial.setLength(0);
                history.add(frame);
                inbox.add(frame);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(ABNORMAL_CLOSURE);
        }
    }
}
