package dev.scrumpoker.application.play;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The threads rooms run on, all made by Jakarta Concurrency (so they carry the application's context): a fixed pool
 * for the rooms' mailboxes, sized to the cores (their work never blocks), a small pool for finding and loading rooms
 * (which waits on PostgreSQL), and the server's managed scheduler for timers.
 */
@ApplicationScoped
public class PlayThreads {

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threadFactory;
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "room.threads", defaultValue = "0")
    int roomThreads;
    @Inject
    @ConfigProperty(name = "room.loader.threads", defaultValue = "4")
    int loaderThreads;

    private ExecutorService rooms;
    private ExecutorService loaders;

    @PostConstruct
    void start() {
        int size = roomThreads > 0 ? roomThreads : Math.max(2, Runtime.getRuntime().availableProcessors());
        rooms = Executors.newFixedThreadPool(size, threadFactory);
        loaders = Executors.newFixedThreadPool(loaderThreads, threadFactory);
    }

    @PreDestroy
    void stop() {
        rooms.shutdown();
        loaders.shutdown();
    }

    ExecutorService rooms() {
        return rooms;
    }

    ExecutorService loaders() {
        return loaders;
    }

    public ManagedScheduledExecutorService scheduler() {
        return scheduler;
    }
}
