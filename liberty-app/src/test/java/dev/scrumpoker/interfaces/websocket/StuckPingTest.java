package dev.scrumpoker.interfaces.websocket;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.metrics.Counter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A ping to a client that stopped reading. Liberty writes pings synchronously, without a timeout, and a real kernel
 * cannot be made to hold a socket's buffers full at a chosen moment, so the session here is a stand-in whose ping
 * write blocks until its thread is interrupted, as Liberty's does. What is checked is ours: who waits on that write.
 */
class StuckPingTest {

    private static final String VOTE = "{\"type\":\"vote.recorded.v1\"}";

    private final CountDownLatch pingStarted = new CountDownLatch(1);
    private final AtomicBoolean pingInterrupted = new AtomicBoolean();
    private final List<String> written = new CopyOnWriteArrayList<>();
    private final List<CloseReason> closes = new CopyOnWriteArrayList<>();
    private final ExecutorService pinger = Executors.newCachedThreadPool();
    private final ClientConnection connection = new ClientConnection(clientThatStoppedReading(), "room1",
            UUID.randomUUID(), "Ada", null, System.nanoTime(), new ConnectionThreads(Runnable::run, pinger),
            new NoCount());

    @AfterEach
    void stopPinger() {
        pinger.shutdownNow();
    }

    @Test
    void aPingThatCannotBeWrittenHoldsNeitherTheSweepNorTheRoom() throws InterruptedException {
        // Today's sweeper and rooms call these: neither may wait for the client.
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            pingThatWillNotBeWritten();
            connection.sendEvent(1, VOTE);
        });

        assertEquals(List.of(), written, "nothing overtakes the ping being written");
    }

    @Test
    void aPingStuckPastTheLimitClosesTheConnectionAndFreesItsThread() throws InterruptedException {
        pingThatWillNotBeWritten();

        connection.endStuckPing(System.nanoTime() + 1);

        await().atMost(Duration.ofSeconds(5)).until(() -> pingInterrupted.get() && !closes.isEmpty());
        assertEquals(CloseCodes.TRY_AGAIN_LATER, closes.get(0).getCloseCode().getCode());
        connection.sendEvent(1, VOTE);
        assertEquals(List.of(), written, "nothing is sent to a connection being closed");
    }

    @Test
    void aPingWrittenInTimeIsNotEnded() throws InterruptedException {
        pingThatWillNotBeWritten();

        connection.endStuckPing(System.nanoTime() - ConnectionSweeper.PING_STUCK);

        assertEquals(List.of(), closes);
    }

    /** Pings, as the sweeper does, and waits until the ping is being written. */
    private void pingThatWillNotBeWritten() throws InterruptedException {
        connection.ping(System.nanoTime());
        assertTrue(pingStarted.await(5, TimeUnit.SECONDS), "the ping is being written");
    }

    /** A session whose ping write waits until interrupted and whose text writes complete at once. */
    private Session clientThatStoppedReading() {
        RemoteEndpoint.Async remote = (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "sendPing" -> {
                            pingStarted.countDown();
                            try {
                                new CountDownLatch(1).await();
                            } catch (InterruptedException interrupted) {
                                pingInterrupted.set(true);
                            }
                        }
                        case "sendText" -> {
                            written.add((String) args[0]);
                            ((SendHandler) args[1]).onResult(new SendResult());
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                });
        return (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAsyncRemote" -> remote;
                    case "isOpen" -> closes.isEmpty();
                    case "close" -> closes.add((CloseReason) args[0]);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static final class NoCount implements Counter {
        @Override
        public void inc() {
        }

        @Override
        public void inc(long n) {
        }

        @Override
        public long getCount() {
            return 0;
        }
    }
}
