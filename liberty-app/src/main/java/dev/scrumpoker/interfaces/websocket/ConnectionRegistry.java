package dev.scrumpoker.interfaces.websocket;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The open connections of this node, for the timers that watch them and for metrics. */
@ApplicationScoped
public class ConnectionRegistry {

    private final Set<ClientConnection> open = ConcurrentHashMap.newKeySet();

    void add(ClientConnection connection) {
        open.add(connection);
    }

    void remove(ClientConnection connection) {
        open.remove(connection);
    }

    Iterable<ClientConnection> all() {
        return open;
    }

    public int size() {
        return open.size();
    }
}
