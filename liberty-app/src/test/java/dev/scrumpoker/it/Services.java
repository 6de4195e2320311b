package dev.scrumpoker.it;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL, Redis and stripe-mock, driven through the same script that starts them for development and CI
 * ({@code scripts/services.sh}), so the fault tests stop and start exactly what everyone else runs.
 */
final class Services {

    private Services() {
    }

    /** Stops Redis and drops everything it held, as a restart without persistence would. */
    static void stopRedis() {
        run("stop-redis");
    }

    static void stopPostgresql() {
        run("stop-postgresql");
    }

    /** Stops stripe-mock: Stripe becomes unreachable (connections refused). */
    static void stopStripeMock() {
        run("stop-stripe-mock");
    }

    /** Starts whatever is not running. */
    static void start() {
        run("start");
    }

    private static void run(String action) {
        String script = System.getProperty("services.script");
        if (script == null) {
            throw new IllegalStateException("system property services.script is not set; run the ITs through Failsafe");
        }
        try {
            Process process = new ProcessBuilder("bash", script, action).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(script + " " + action + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
