package dev.scrumpoker.application.play;

import java.util.Objects;

/**
 * A command on its way to a room's owner. {@code origin} is null for commands no connection sent (a node's reattach,
 * a dead node's release, the room's deletion). {@code hops} counts how often it was passed on by nodes that were
 * not the owner after all, so a command never circles while nodes disagree about the owner.
 */
public record RoomCommand(String roomId, Origin origin, Command command, int hops) {

    public RoomCommand {
        Objects.requireNonNull(roomId, "roomId is required");
        Objects.requireNonNull(command, "command is required");
    }

    RoomCommand passedOn() {
        return new RoomCommand(roomId, origin, command, hops + 1);
    }
}
