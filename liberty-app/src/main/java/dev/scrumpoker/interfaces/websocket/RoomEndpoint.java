package dev.scrumpoker.interfaces.websocket;

import dev.scrumpoker.application.RoomPlayService;
import dev.scrumpoker.application.TokenService;
import dev.scrumpoker.application.VerifiedCaller;
import dev.scrumpoker.domain.room.Role;
import dev.scrumpoker.domain.shared.DomainException;
import dev.scrumpoker.domain.shared.Reason;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The WebSocket edge of a room: {@code /ws/room/{roomId}?token=<JWT>}. Authenticates the handshake, reads each
 * frame, hands it to {@link RoomPlayService} and answers failures with the contract's error frames and close codes.
 * One instance per connection ({@code @Dependent} makes it a CDI bean so injection works); the container delivers
 * its frames one at a time.
 */
@ServerEndpoint("/ws/room/{roomId}")
@Dependent
public class RoomEndpoint {

    /**
     * Messages above 16 KiB are closed with 1009. The container enforces {@code maxMessageSize} only for messages
     * sent in one frame; a message sent in fragments is assembled whole, so {@link #message} checks again.
     */
    static final int MAX_FRAME = 16 * 1024;
    private static final Logger LOG = Logger.getLogger(RoomEndpoint.class.getName());

    @Inject
    RoomPlayService play;
    @Inject
    TokenService tokens;
    @Inject
    ConnectionRegistry registry;
    @Inject
    RoomMetrics metrics;
    @Inject
    Clock clock;

    private ClientConnection connection;
    /** Set once the room let this connection in; read by frames that may arrive on other container threads. */
    private volatile boolean entered;

    @OnOpen
    public void open(Session session, @PathParam("roomId") String roomId) {
        Optional<VerifiedCaller> caller = tokens.verify(parameter(session, "token"));
        if (caller.isEmpty()) {
            closeAtOnce(session, CloseCodes.UNAUTHORIZED, "missing, invalid or expired token");
            return;
        }
        connection = new ClientConnection(session, roomId, caller.get().userId(), caller.get().displayName(),
                parameter(session, "invite"), System.nanoTime(), registry.closer());
        registry.add(connection);
        try {
            play.enter(roomId, connection);
            entered = true;
        } catch (DomainException refused) {
            connection.close(closeCodeFor(refused.reason()), refused.getMessage());
        }
    }

    @OnMessage(maxMessageSize = MAX_FRAME)
    public void message(String text) {
        if (!entered) {
            // A refused connection is being closed, but a client sends its join on open, before the close reaches
            // it: that join must not take a seat the room refused (an invite-only room, a kicked user).
            return;
        }
        long received = System.nanoTime();
        connection.heard(received);
        if (isOverLimit(text)) {
            connection.close(CloseCodes.TOO_BIG, "message over " + MAX_FRAME + " bytes");
            return;
        }
        switch (connection.admit(received)) {
            case REFUSE -> {
                // Refused unhandled, but answered like any message: with its requestId.
                connection.send(FrameEncoder.error("RATE_LIMITED", "more than " + (int) FloodGuard.RATE
                        + " messages per second", ClientMessage.requestIdOf(text), clock.millis()));
                return;
            }
            case CLOSE -> {
                connection.close(CloseCodes.FLOODING, "flooding");
                return;
            }
            case ACCEPT -> {
                // handled below
            }
        }
        ClientMessage message = null;
        try {
            message = ClientMessage.parse(text);
            dispatch(message);
            if ("vote.cast.v1".equals(message.type())) {
                metrics.voteAcknowledged(System.nanoTime() - received);
            }
        } catch (ClientMessage.Invalid invalid) {
            reply("INVALID_MESSAGE", invalid.getMessage(), invalid.requestId());
        } catch (DomainException refused) {
            refuse(message, refused);
        } catch (RuntimeException unexpected) {
            LOG.log(Level.SEVERE, "Unexpected failure handling a frame in room " + connection.roomId(), unexpected);
            reply("UNAVAILABLE", "the server failed to handle this message; retry",
                    message == null ? null : message.requestId());
        }
    }

    @OnMessage
    public void pong(PongMessage pong) {
        connection.heard(System.nanoTime());
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        if (connection != null) {
            connection.closed();
            registry.remove(connection);
            if (entered) {
                play.disconnect(connection.roomId(), connection);
            }
        }
    }

    @OnError
    public void error(Session session, Throwable failure) {
        // Network resets and clients vanishing are routine for a WebSocket server; they end in close() above.
        LOG.log(Level.FINE, "WebSocket error", failure);
    }

    /** Handles a frame by type; this switch is the one list of client message types, metrics included. */
    private void dispatch(ClientMessage message) {
        String roomId = connection.roomId();
        String requestId = message.requestId();
        boolean known = true;
        try {
            switch (message.type()) {
                case "room.join.v1" -> join(message);
                case "vote.cast.v1" -> play.castVote(roomId, connection, message.requiredString("cardValue"), requestId);
                case "vote.retract.v1" -> play.retractVote(roomId, connection, requestId);
                case "round.reveal.v1" -> play.reveal(roomId, connection, requestId);
                case "round.start.v1" ->
                        play.startRound(roomId, connection, message.optionalString("storyTitle").orElse(null), requestId);
                case "round.reset.v1" -> play.reset(roomId, connection, requestId);
                case "participant.kick.v1" -> play.kick(roomId, connection, message.requiredId("participantId"), requestId);
                case "host.transfer.v1" ->
                        play.transferHost(roomId, connection, message.requiredId("participantId"), requestId);
                case "room.sync.v1" -> play.sync(roomId, connection, requestId);
                case "room.leave.v1" -> play.leave(roomId, connection, requestId);
                case "ping.v1" -> connection.send(FrameEncoder.pong(requestId, clock.millis()));
                default -> {
                    known = false;
                    reply("UNKNOWN_TYPE", "unknown message type; see the contract for the list", requestId);
                }
            }
        } finally {
            // Unknown types are counted together, so clients cannot create metric series at will.
            metrics.messageIn(known ? message.type() : "other");
        }
    }

    private void join(ClientMessage message) {
        String displayName = message.optionalString("displayName").orElse(connection.displayName());
        Role role = message.requiredEnum("role", Role.class);
        try {
            play.join(connection.roomId(), connection, displayName, role, message.requestId());
        } catch (DomainException refused) {
            if (refused.reason() != Reason.FORBIDDEN) {
                throw refused;
            }
            connection.close(CloseCodes.FORBIDDEN, refused.getMessage());
        }
    }

    private void refuse(ClientMessage message, DomainException refused) {
        String code = switch (refused.reason()) {
            case VALIDATION_FAILED, CONFLICT -> "INVALID_MESSAGE";
            case UNAUTHORIZED, FORBIDDEN -> "FORBIDDEN";
            case NOT_FOUND -> "NOT_FOUND";
            case INVALID_CARD -> "INVALID_CARD";
            case ROUND_REVEALED -> "ROUND_REVEALED";
            case NOT_JOINED -> "NOT_JOINED";
            case UNAVAILABLE -> "UNAVAILABLE";
        };
        reply(code, refused.getMessage(), message.requestId());
    }

    private void reply(String code, String text, String requestId) {
        connection.send(FrameEncoder.error(code, text, requestId, clock.millis()));
        metrics.messagesOut("error.v1", 1);
    }

    private static int closeCodeFor(Reason reason) {
        return switch (reason) {
            case NOT_FOUND -> CloseCodes.NOT_FOUND;
            case FORBIDDEN -> CloseCodes.FORBIDDEN;
            default -> CloseCodes.UNAVAILABLE;
        };
    }

    /** Whether the message is over the limit in UTF-8 bytes; counted only when its length in chars allows it. */
    static boolean isOverLimit(String text) {
        if (text.length() > MAX_FRAME) {
            return true;
        }
        return text.length() * 3L > MAX_FRAME && text.getBytes(StandardCharsets.UTF_8).length > MAX_FRAME;
    }

    private static String parameter(Session session, String name) {
        List<String> values = session.getRequestParameterMap().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static void closeAtOnce(Session session, int code, String phrase) {
        try {
            session.close(CloseCodes.reason(code, phrase));
        } catch (IOException alreadyGone) {
            LOG.log(Level.FINE, "Connection gone before it could be refused", alreadyGone);
        }
    }
}
