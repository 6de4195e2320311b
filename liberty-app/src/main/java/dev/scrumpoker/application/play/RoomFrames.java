package dev.scrumpoker.application.play;

import dev.scrumpoker.domain.room.RoomEvent;
import dev.scrumpoker.domain.room.RoomSnapshot;
import dev.scrumpoker.domain.shared.Reason;
import java.time.Instant;

/** Encodes what the room sends its connections, in the wire format of the edge (the contract's JSON frames). */
public interface RoomFrames {

    String event(long seq, Instant at, RoomEvent event, String requestId);

    String state(RoomSnapshot snapshot, long seq, String requestId);

    String refusal(Reason reason, String message, String requestId);
}
