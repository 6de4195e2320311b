package dev.scrumpoker.application.play;

import java.util.Objects;
import java.util.UUID;

/**
 * The connection a command came from, named by its node and its id there, with what the owner needs to know of it:
 * its user, the seat its node believes it holds, the client's requestId to echo, and the node's ticket for the
 * answer (so the node can tell a late answer from none).
 */
public record Origin(String node, String connectionId, UUID userId, UUID participantId, String requestId,
                     long ticket) {

    public Origin {
        Objects.requireNonNull(node, "node is required");
        Objects.requireNonNull(connectionId, "connectionId is required");
        Objects.requireNonNull(userId, "userId is required");
    }
}
