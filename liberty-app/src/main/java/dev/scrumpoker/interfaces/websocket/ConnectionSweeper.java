package dev.scrumpoker.interfaces.websocket;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The connection timers, as one sweep a second over all connections rather than a timer each: closes connections
 * that did not join within 10 s (4008), were silent for 60 s, or could not be sent a ping for 10 s (1013: not
 * reading), and pings every 30 s. Runs on the server's managed scheduler.
 */
@ApplicationScoped
public class ConnectionSweeper {

    static final long JOIN_TIMEOUT = TimeUnit.SECONDS.toNanos(10);
    static final long PING_EVERY = TimeUnit.SECONDS.toNanos(30);
    static final long SILENT_LIMIT = TimeUnit.SECONDS.toNanos(60);
    /** A two-byte ping not written in this long: the client's receive buffer and ours are full, it is not reading. */
    static final long PING_STUCK = TimeUnit.SECONDS.toNanos(10);
    private static final Logger LOG = Logger.getLogger(ConnectionSweeper.class.getName());

    @Inject
    ConnectionRegistry registry;
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> sweeping;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        sweeping = scheduler.scheduleWithFixedDelay(this::sweepSafely, 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (sweeping != null) {
            sweeping.cancel(false);
        }
    }

    private void sweepSafely() {
        try {
            sweep(System.nanoTime());
        } catch (RuntimeException unexpected) {
            // A failed sweep must not cancel the timer (scheduled tasks stop on the first exception).
            LOG.log(Level.WARNING, "Connection sweep failed", unexpected);
        }
    }

    void sweep(long now) {
        for (ClientConnection connection : registry.all()) {
            connection.endStuckPing(now - PING_STUCK);
            if (!connection.hasEverJoined() && now - connection.openedAtNanos() > JOIN_TIMEOUT) {
                connection.close(CloseCodes.JOIN_TIMEOUT, "no room.join.v1 within 10 s");
            } else if (now - connection.lastHeardNanos() > SILENT_LIMIT) {
                connection.close(CloseCodes.NORMAL, "silent for 60 s");
            } else if (now - connection.lastPingNanos() > PING_EVERY) {
                connection.ping(now);
            }
        }
    }
}
