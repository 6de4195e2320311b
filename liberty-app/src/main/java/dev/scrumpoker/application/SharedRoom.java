package dev.scrumpoker.application;

import dev.scrumpoker.domain.room.LiveRoomState;
import java.util.Objects;

/** A room's state as the nodes share it, with the {@code seq} of the last event it reflects. */
public record SharedRoom(LiveRoomState state, long seq) {

    public SharedRoom {
        Objects.requireNonNull(state, "state is required");
    }

    public String roomId() {
        return state.room().id();
    }
}
