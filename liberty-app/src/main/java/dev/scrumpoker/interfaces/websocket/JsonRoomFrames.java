package dev.scrumpoker.interfaces.websocket;

import dev.scrumpoker.application.play.RoomFrames;
import dev.scrumpoker.domain.room.RoomEvent;
import dev.scrumpoker.domain.room.RoomSnapshot;
import dev.scrumpoker.domain.shared.Reason;
import dev.scrumpoker.interfaces.representation.PublicUrl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/** The contract's JSON frames, for room play to encode once and hand to every connection as text. */
@ApplicationScoped
public class JsonRoomFrames implements RoomFrames {

    @Inject
    PublicUrl publicUrl;
    @Inject
    Clock clock;

    @Override
    public String event(long seq, Instant at, RoomEvent event, String requestId) {
        return FrameEncoder.event(seq, at, event, requestId);
    }

    @Override
    public String state(RoomSnapshot snapshot, long seq, String requestId) {
        return FrameEncoder.state(snapshot, seq, publicUrl.base(), requestId, clock.millis());
    }

    @Override
    public String refusal(Reason reason, String message, String requestId) {
        return FrameEncoder.error(code(reason), message, requestId, clock.millis());
    }

    /** The contract's error code for a reason a request was refused. */
    static String code(Reason reason) {
        return switch (reason) {
            case VALIDATION_FAILED, CONFLICT -> "INVALID_MESSAGE";
            case UNAUTHORIZED, FORBIDDEN -> "FORBIDDEN";
            case NOT_FOUND -> "NOT_FOUND";
            case INVALID_CARD -> "INVALID_CARD";
            case ROUND_REVEALED -> "ROUND_REVEALED";
            case NOT_JOINED -> "NOT_JOINED";
            case UNAVAILABLE -> "UNAVAILABLE";
        };
    }
}
