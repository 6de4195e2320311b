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
 * What every simulated room of one JMeter process shares: one HTTP client whose few threads serve all WebSocket
 * connections (JDK WebSockets are asynchronous: no thread per connection), one JSON mapper, and one timer for
 * reconnects. Frames are handled on these threads; JMeter's threads only send and wait.
 */
final class Transport {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP;
    static final ScheduledExecutorService TIMER;

    static {
        ExecutorService io = Executors.newFixedThreadPool(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()),
                daemon("scrumpoker-io"));
        // HTTP/1.1: no h2c upgrade, so REST calls spread over pooled connections like browsers' do.
        HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(io)
                .connectTimeout(Duration.ofSeconds(10)).build();
        TIMER = Executors.newScheduledThreadPool(2, daemon("scrumpoker-timer"));
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
