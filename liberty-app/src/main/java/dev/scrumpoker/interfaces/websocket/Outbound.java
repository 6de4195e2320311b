package dev.scrumpoker.interfaces.websocket;

import jakarta.websocket.CloseReason;

/** What waits in a connection's send queue: a text frame, a ping, or the close that ends it. */
sealed interface Outbound {

    record Text(String json) implements Outbound {
    }

    record Ping() implements Outbound {
    }

    record Close(CloseReason reason) implements Outbound {
    }
}
