package dev.scrumpoker.interfaces.websocket;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The threads a connection hands work to that may block, so that neither a room's thread nor the container's I/O
 * threads ever wait on one client: {@code closer} closes sessions, {@code pinger} writes WebSocket pings.
 */
record ConnectionThreads(Executor closer, Executor pinger) {

    ConnectionThreads {
        Objects.requireNonNull(closer, "closer is required");
        Objects.requireNonNull(pinger, "pinger is required");
    }
}
