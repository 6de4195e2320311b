package dev.scrumpoker.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Timers that keep this node in the cluster and answerable: the lease heartbeat and the readiness checks. They run on
 * threads of their own, made by Jakarta Concurrency, instead of the server's managed scheduler, whose tasks wait in
 * the default executor's queue with every HTTP request and WebSocket handshake. In two reconnection storms that
 * executor was saturated ("all threads appear to be hung") and, in the same seconds, both nodes' leases ran out and
 * each took the other for dead (docs/performance-benchmarks.md, "A client that stops reading, and clients that come
 * back all at once"). Two threads, so that a check waiting on an unreachable database never holds up the heartbeat.
 */
@ApplicationScoped
public class UpkeepThreads {

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threadFactory;

    private ScheduledExecutorService scheduler;

    @PostConstruct
    void start() {
        scheduler = Executors.newScheduledThreadPool(2, threadFactory);
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }
}
