package dev.scrumpoker.loadtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every simulated room of one JMeter process shares: a few HTTP clients whose threads serve all WebSocket
 * connections (JDK WebSockets are asynchronous: no thread per connection), one JSON mapper, and one timer for
 * reconnects. Frames are handled on these threads; JMeter's threads only send and wait. Each JDK client reads all
 * its sockets on one selector thread: with 5,000 connections that one thread was the generator's bottleneck
 * (measured), so connections are spread over one client per core.
 */
final class Transport {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP;
    static final ScheduledExecutorService TIMER;
    private static final HttpClient[] WEBSOCKETS;

    static {
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService io = Executors.newFixedThreadPool(Math.max(4, 2 * cores), daemon("scrumpoker-io"));
        WEBSOCKETS = new HttpClient[Math.max(2, cores)];
        for (int i = 0; i < WEBSOCKETS.length; i++) {
            WEBSOCKETS[i] = client(io);
        }
        HTTP = WEBSOCKETS[0];
        TIMER = Executors.newScheduledThreadPool(2, daemon("scrumpoker-timer"));
    }

    /** HTTP/1.1: no h2c upgrade, so REST calls spread over pooled connections like browsers' do. */
    private static HttpClient client(ExecutorService io) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(io)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The client a connection reads through; connections are spread evenly by a number of theirs. */
    static HttpClient webSockets(int spread) {
        return WEBSOCKETS[Math.floorMod(spread, WEBSOCKETS.length)];
    }

    private Transport() {
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
