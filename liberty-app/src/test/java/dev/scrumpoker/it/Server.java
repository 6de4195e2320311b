package dev.scrumpoker.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The Liberty server under test, as Failsafe describes it: its HTTP port and, for tests that restart it, where its
 * {@code server} script lives. Loopback by address, because the server binds 127.0.0.1 only.
 */
final class Server {

    static final int HTTP_PORT = Integer.getInteger("http.port", 9080);
    static final String HOST = "127.0.0.1";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final HttpClient PROBE = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    private Server() {
    }

    static URI http(String path) {
        return URI.create("http://" + HOST + ":" + HTTP_PORT + path);
    }

    static URI ws(String pathAndQuery) {
        return URI.create("ws://" + HOST + ":" + HTTP_PORT + pathAndQuery);
    }

    /** Stops the server with its own script and waits for the script to finish (it waits for the JVM to end). */
    static void stop() {
        runServerScript("stop");
    }

    /** Starts the server with its own script, then waits until it reports ready. */
    static void start() {
        runServerScript("start");
        awaitReady();
    }

    /** Waits until {@code /health/ready} answers 200: PostgreSQL, the schema and Redis are all there. */
    static void awaitReady() {
        await("server ready").atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> status("/health/ready") == 200);
    }

    static boolean isUp() {
        try {
            status("/health/live");
            return true;
        } catch (IOException | InterruptedException down) {
            if (down instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    private static int status(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(http(path)).timeout(Duration.ofSeconds(5)).GET().build();
        return PROBE.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void runServerScript(String action) {
        Path bin = Path.of(required("liberty.bin.dir"));
        String serverName = required("liberty.server.name");
        ProcessBuilder builder = new ProcessBuilder(bin.resolve("server").toString(), action, serverName)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        try {
            Process process = builder.start();
            if (!process.waitFor(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("server " + action + " did not finish within " + READY_TIMEOUT);
            }
            // "server stop" answers 1 when the server was not running; anything else above 1 is a failure.
            if (process.exitValue() > 1) {
                throw new IllegalStateException("server " + action + " " + serverName + " exited " + process.exitValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + bin.resolve("server"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running server " + action, e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set; run the ITs through Failsafe");
        }
        return value;
    }
}
