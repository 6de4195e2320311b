package dev.scrumpoker.interfaces.websocket;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The open connections of this node, for the timers that watch them and for metrics, and how many each user holds:
 * a user may have several tabs open, not hundreds of sockets.
 */
@ApplicationScoped
public class ConnectionRegistry {

    /** Pings written at once at most; each normally takes microseconds, a blocked one up to the sweeper's limit. */
    static final int MAX_PINGS_IN_FLIGHT = 32;

    private final Set<ClientConnection> open = ConcurrentHashMap.newKeySet();
    private final Map<UUID, Integer> perUser = new ConcurrentHashMap<>();
    @Inject
    @ConfigProperty(name = "ws.max-connections-per-user", defaultValue = "10")
    int maxPerUser;
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threadFactory;
    /**
     * Closes connections off the caller's thread. Closing a socket can block until the peer answers or a timeout
     * passes; done inline it would hold up the room's mailbox meanwhile (measured: a storm of 5,000 dropped
     * connections held reconnecting rooms for about 8 s when closes ran inline).
     */
    private ExecutorService closer;
    /**
     * Writes WebSocket pings. Liberty writes a ping synchronously and without a timeout, even through the
     * asynchronous remote: to a client that stopped reading, the write waits until it reads again. Written inline,
     * a ping held whichever thread drained the connection's queue: a room's, the sweeper's or a container I/O
     * thread (an FFDC showed one there; docs/performance-benchmarks.md, "A client that stops reading, and clients
     * that come back all at once"). A ping takes one of these threads or, when all are busy, waits for the next
     * sweep ({@link ConnectionSweeper} ends pings blocked for too long); it never queues behind a blocked one.
     */
    private ThreadPoolExecutor pinger;
    private ConnectionThreads threads;

    @PostConstruct
    void start() {
        closer = Executors.newFixedThreadPool(2, threadFactory);
        pinger = new ThreadPoolExecutor(0, MAX_PINGS_IN_FLIGHT, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                threadFactory);
        threads = new ConnectionThreads(closer, pinger);
    }

    ConnectionThreads threads() {
        return threads;
    }

    @PreDestroy
    void stop() {
        closer.shutdownNow();
        pinger.shutdownNow();
    }

    /** Registers the connection unless its user already holds the most allowed on this node. */
    boolean add(ClientConnection connection) {
        boolean[] admitted = {false};
        perUser.compute(connection.userId(), (user, held) -> {
            int count = held == null ? 0 : held;
            admitted[0] = count < maxPerUser;
            return admitted[0] ? count + 1 : held;
        });
        if (admitted[0]) {
            open.add(connection);
        }
        return admitted[0];
    }

    void remove(ClientConnection connection) {
        if (open.remove(connection)) {
            perUser.computeIfPresent(connection.userId(), (user, held) -> held > 1 ? held - 1 : null);
        }
    }

    int maxPerUser() {
        return maxPerUser;
    }

    Iterable<ClientConnection> all() {
        return open;
    }

    public int size() {
        return open.size();
    }
}
