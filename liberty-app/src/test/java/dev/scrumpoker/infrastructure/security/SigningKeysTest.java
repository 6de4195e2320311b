package dev.scrumpoker.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    /** Two nodes started at once on one machine must sign with the same development key, or refuse each other's tokens. */
    @Test
    void nodesStartingTogetherAgreeOnOneDevelopmentKey(@TempDir Path home) throws Exception {
        int nodes = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(nodes);
        try {
            List<Future<String>> keys = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                Callable<String> node = () -> {
                    start.await();
                    return Files.readString(SigningKeys.developmentKeyFile(home));
                };
                keys.add(threads.submit(node));
            }
            start.countDown();
            String first = keys.get(0).get();
            for (Future<String> key : keys) {
                assertEquals(first, key.get());
            }
            assertEquals(first, Files.readString(home.resolve("jwt-signing-key.pem")));
            try (var left = Files.list(home)) {
                assertEquals(1, left.count(), "no temporary file is left behind");
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
