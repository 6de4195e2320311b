package dev.scrumpoker.application.play;

import java.util.List;
import java.util.Objects;

/** What nodes send each other about rooms, over the {@link NodeLink}. */
public sealed interface NodeMessage {

    String roomId();

    /** A command for the room's owner. */
    record ToOwner(RoomCommand command) implements NodeMessage {
        public ToOwner {
            Objects.requireNonNull(command, "command is required");
        }

        @Override
        public String roomId() {
            return command.roomId();
        }
    }

    /**
     * What the owner ({@code owner}, holding the room at {@code epoch}) has for the receiving node's connections, in
     * the room's order. Output of an older epoch is from an owner that has been replaced and is ignored.
     */
    record FromOwner(String roomId, long epoch, String owner, List<Output> outputs) implements NodeMessage {
        public FromOwner {
            Objects.requireNonNull(roomId, "roomId is required");
            Objects.requireNonNull(owner, "owner is required");
            outputs = List.copyOf(outputs);
        }
    }

    /** The room is owned by another node than the one the receiver sent its command to. */
    record Moved(String roomId, String owner) implements NodeMessage {
        public Moved {
            Objects.requireNonNull(roomId, "roomId is required");
            Objects.requireNonNull(owner, "owner is required");
        }
    }
}
