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
 * the default executor's queue with every HTTP request and WebSocket handshake. In a reconnection storm that queue
 * held thousands of handshakes: the heartbeat waited past the 10 s lease and both nodes took each other for dead in
 * the middle of the storm (docs/performance-benchmarks.md, "Two nodes behind HAProxy"). Two threads, so that a check
 * waiting on an unreachable database never holds up the heartbeat.
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
