package dev.scrumpoker.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Liberty server under test, one node of the cluster. Node A is started by the liberty-maven-plugin before the
 * tests; node B is the same application in a second server of the same installation, on other ports, started by
 * the tests that need two nodes. Both share one PostgreSQL and one Redis. Loopback by address, because the servers
 * bind 127.0.0.1 only.
 */
final class Server {

    static final String HOST = "127.0.0.1";
    static final Server A = new Server(required("liberty.server.name"), Integer.getInteger("http.port", 9080),
            Integer.getInteger("https.port", 9443));
    static final Server B = new Server(required("liberty.server.b.name"), Integer.getInteger("http.port.b", 9081),
            Integer.getInteger("https.port.b", 9444));

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final HttpClient PROBE = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int httpPort;
    private final int httpsPort;

    private Server(String name, int httpPort, int httpsPort) {
        this.name = name;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
    }

    URI http(String path) {
        return URI.create("http://" + HOST + ":" + httpPort + path);
    }

    URI ws(String pathAndQuery) {
        return URI.create("ws://" + HOST + ":" + httpPort + pathAndQuery);
    }

    /** Stops the server with its own script and waits for the script to finish (it waits for the JVM to end). */
    void stop() {
        runServerScript("stop");
    }

    /** Starts the server with its own script, on its own ports, then waits until it reports ready. */
    void start() {
        runServerScript("start");
        awaitReady();
    }

    /**
     * Starts the server with extra environment and answers the start script's exit code, without waiting for the
     * server to be ready (it may refuse to start).
     */
    int startWith(Map<String, String> environment) {
        return runServerScript("start", environment);
    }

    /** The server's messages.log as it is now. */
    String messages() {
        Path log = Path.of(required("liberty.bin.dir")).resolveSibling("usr").resolve("servers").resolve(name)
                .resolve("logs").resolve("messages.log");
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }

    /** Kills the server's JVM with SIGKILL, as a crash would: no shutdown hooks, no goodbyes. */
    void kill() {
        ProcessHandle process = ProcessHandle.of(pid())
                .orElseThrow(() -> new IllegalStateException("server " + name + " is not running"));
        process.destroyForcibly();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot kill server " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long pid() {
        Path pidFile = Path.of(required("liberty.bin.dir")).getParent().resolve("usr/servers/.pid/" + name + ".pid");
        try {
            return Long.parseLong(Files.readString(pidFile).trim());
        } catch (IOException e) {
            throw new IllegalStateException("server " + name + " has no pid file", e);
        }
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(pid())).redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill " + signal + " " + name + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot signal server " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the server's JVM in its tracks (SIGSTOP), as a long GC pause or a frozen VM would: it answers nothing. */
    void pause() {
        signal("-STOP");
    }

    /** Lets a paused JVM run on (SIGCONT), unaware that time passed. */
    void resume() {
        signal("-CONT");
    }

    /** Whether this server is the node named {@code nodeId} (node names start with the node's HTTP port). */
    boolean isNode(String nodeId) {
        return nodeId != null && nodeId.startsWith("node-" + httpPort + "-");
    }

    /** Waits until {@code /health/ready} answers 200: PostgreSQL, the schema and Redis are all there. */
    void awaitReady() {
        await(name + " ready").atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> status("/health/ready") == 200);
    }

    boolean isUp() {
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

    int status(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(http(path)).timeout(Duration.ofSeconds(5)).GET().build();
        return PROBE.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Override
    public String toString() {
        return name + "@" + httpPort;
    }

    private void runServerScript(String action) {
        int exit = runServerScript(action, Map.of());
        // "server stop" answers 1 when the server was not running; anything else above 1 is a failure.
        if (exit > 1) {
            throw new IllegalStateException("server " + action + " " + name + " exited " + exit);
        }
    }

    private int runServerScript(String action, Map<String, String> environment) {
        Path bin = Path.of(required("liberty.bin.dir"));
        ProcessBuilder builder = new ProcessBuilder(bin.resolve("server").toString(), action, name)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        // The server's variables read the environment: this is what puts node B on its own ports.
        builder.environment().putAll(Map.of("HTTP_PORT", Integer.toString(httpPort),
                "HTTPS_PORT", Integer.toString(httpsPort)));
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            if (!process.waitFor(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("server " + action + " did not finish within " + READY_TIMEOUT);
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + bin.resolve("server"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running server " + action, e);
        }
    }

    static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("system property " + property + " is not set; run the ITs through Failsafe"
                    + " from ./scripts/test.sh (it exports this checkout's development secrets)");
        }
        return value;
    }
}
