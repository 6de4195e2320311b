package dev.scrumpoker.interfaces.websocket;

import dev.scrumpoker.application.account.ConnectionTickets;
import dev.scrumpoker.application.account.TokenService;
import dev.scrumpoker.application.account.VerifiedCaller;
import dev.scrumpoker.application.play.Command;
import dev.scrumpoker.application.play.RoomPlay;
import dev.scrumpoker.domain.room.Role;
import dev.scrumpoker.domain.room.RoomCode;
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
 * The WebSocket edge of a room: {@code /ws/room/{roomId}?token=<JWT>}, or {@code ?ticket=} with a one-time pass.
 * Authenticates the handshake, reads each frame strictly, turns it into a {@link Command} for {@link RoomPlay} and
 * returns at once: the room answers later, through the connection's queue. Frames that break the format are answered here (INVALID_MESSAGE, UNKNOWN_TYPE).
 * One instance per connection ({@code @Dependent}: a CDI bean, so injection works), made by
 * {@link RoomEndpointConfigurator}; the container delivers its frames one at a time.
 */
@ServerEndpoint(value = "/ws/room/{roomId}", configurator = RoomEndpointConfigurator.class)
@Dependent
public class RoomEndpoint {

    /**
     * Messages above 16 KiB are closed with 1009. The container enforces {@code maxMessageSize} only for messages
     * sent in one frame; a message sent in fragments is assembled here, and checked as it grows.
     */
    static final int MAX_FRAME = 16 * 1024;
    private static final Logger LOG = Logger.getLogger(RoomEndpoint.class.getName());

    @Inject
    RoomPlay play;
    @Inject
    TokenService tokens;
    @Inject
    ConnectionTickets tickets;
    @Inject
    ConnectionRegistry registry;
    @Inject
    RoomMetrics metrics;
    @Inject
    Clock clock;

    private ClientConnection connection;
    /** The fragments of a message sent in several frames, until its last one; null between messages. */
    private StringBuilder fragments;

    @OnOpen
    public void open(Session session, @PathParam("roomId") String roomId) {
        if (RoomEndpointConfigurator.isForeignOrigin(session.getUserProperties())) {
            closeAtOnce(session, CloseCodes.FORBIDDEN, "this page's origin may not open rooms here");
            return;
        }
        Optional<VerifiedCaller> caller = callerOf(session);
        if (caller.isEmpty()) {
            closeAtOnce(session, CloseCodes.UNAUTHORIZED, "missing, invalid or expired token");
            return;
        }
        if (!RoomCode.isWellFormed(roomId)) {
            // Not a room id at all: answered here, without looking for the room anywhere.
            closeAtOnce(session, CloseCodes.NOT_FOUND, "no such room");
            return;
        }
        ClientConnection opened = new ClientConnection(session, roomId, caller.get().userId(),
                caller.get().displayName(), parameter(session, "invite"), System.nanoTime(), registry.threads(),
                metrics.framesOut());
        if (!registry.add(opened)) {
            closeAtOnce(session, CloseCodes.FLOODING, "more than " + registry.maxPerUser()
                    + " connections of one user on this server");
            return;
        }
        connection = opened;
        // The room's owner decides whether the connection may stay; frames sent meanwhile are handled in order
        // after that decision, and a join is checked against the room's rules again.
        play.open(connection);
    }

    /** Each frame as it arrives; a message in fragments is assembled up to the limit, then handled whole. */
    @OnMessage(maxMessageSize = MAX_FRAME)
    public void message(String part, boolean last) {
        if (connection == null) {
            return;
        }
        CharSequence soFar = part;
        if (fragments != null || !last) {
            if (fragments == null) {
                fragments = new StringBuilder();
            }
            soFar = fragments.append(part);
        }
        if (isOverLimit(soFar)) {
            fragments = null;
            connection.close(CloseCodes.TOO_BIG, "message over " + MAX_FRAME + " bytes");
            return;
        }
        if (last) {
            fragments = null;
            handle(soFar.toString());
        }
    }

    private void handle(String text) {
        long received = System.nanoTime();
        connection.heard(received);
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
        try {
            dispatch(ClientMessage.parse(text));
        } catch (ClientMessage.Invalid invalid) {
            reply("INVALID_MESSAGE", invalid.getMessage(), invalid.requestId());
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
            play.closed(connection);
        }
    }

    @OnError
    public void error(Session session, Throwable failure) {
        // Network resets and clients vanishing are routine for a WebSocket server; they end in close() above.
        LOG.log(Level.FINE, "WebSocket error", failure);
    }

    /** Handles a frame by type; this switch is the one list of client message types, metrics included. */
    private void dispatch(ClientMessage message) {
        String requestId = message.requestId();
        Command command = switch (message.type()) {
            case "room.join.v1" -> new Command.Join(
                    message.optionalString("displayName").orElse(connection.displayName()),
                    message.requiredEnum("role", Role.class), connection.inviteKey());
            case "vote.cast.v1" -> new Command.CastVote(message.requiredString("cardValue"));
            case "vote.retract.v1" -> new Command.RetractVote();
            case "round.reveal.v1" -> new Command.Reveal();
            case "round.start.v1" -> new Command.StartRound(message.optionalString("storyTitle").orElse(null),
                    message.optionalId("storyId").orElse(null));
            case "room.settings.v1" -> new Command.ChangeSettings(message.requiredBoolean("autoReveal"));
            case "countdown.start.v1" -> new Command.StartCountdown(message.requiredInt("seconds"));
            case "countdown.stop.v1" -> new Command.StopCountdown();
            case "story.add.v1" -> new Command.AddStories(
                    message.requiredObjects("stories", StoryMessages.MAX_PER_MESSAGE, StoryMessages::draft));
            case "story.import.v1" -> new Command.AddStories(StoryMessages.imported(message));
            case "story.edit.v1" -> new Command.EditStory(message.requiredId("storyId"), StoryMessages.draft(message));
            case "story.remove.v1" -> new Command.RemoveStory(message.requiredId("storyId"));
            case "story.move.v1" -> new Command.MoveStory(message.requiredId("storyId"), message.requiredInt("position"));
            case "story.estimate.v1" -> new Command.EstimateStory(message.optionalId("storyId").orElse(null),
                    message.optionalString("estimate").orElse(null));
            case "round.reset.v1" -> new Command.Reset();
            case "participant.kick.v1" -> new Command.Kick(message.requiredId("participantId"));
            case "host.transfer.v1" -> new Command.TransferHost(message.requiredId("participantId"));
            case "host.claim.v1" -> new Command.ClaimHost();
            case "participant.unban.v1" -> new Command.Unban(message.requiredId("participantId"));
            case "invite.rotate.v1" -> new Command.RotateInvitation();
            case "room.sync.v1" -> new Command.Sync();
            case "room.leave.v1" -> new Command.Leave();
            default -> null;
        };
        if (command != null) {
            metrics.messageIn(message.type());
            play.handle(connection, command, requestId);
        } else if ("ping.v1".equals(message.type())) {
            metrics.messageIn(message.type());
            connection.send(FrameEncoder.pong(requestId, clock.millis()));
        } else {
            // Unknown types are counted together, so clients cannot create metric series at will.
            metrics.messageIn("other");
            reply("UNKNOWN_TYPE", "unknown message type; see the contract for the list", requestId);
        }
    }

    private void reply(String code, String text, String requestId) {
        connection.send(FrameEncoder.error(code, text, requestId, clock.millis()));
    }

    /** Whether the message is over the limit in UTF-8 bytes; counted only when its length in chars allows it. */
    static boolean isOverLimit(CharSequence text) {
        if (text.length() > MAX_FRAME) {
            return true;
        }
        return text.length() * 3L > MAX_FRAME
                && text.toString().getBytes(StandardCharsets.UTF_8).length > MAX_FRAME;
    }

    /** A one-time ticket ({@code ?ticket=}, what the web UI sends), else the token itself ({@code ?token=}). */
    private Optional<VerifiedCaller> callerOf(Session session) {
        String ticket = parameter(session, "ticket");
        return ticket != null ? tickets.redeem(ticket) : tokens.verify(parameter(session, "token"));
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
