package dev.scrumpoker.interfaces.websocket;

import dev.scrumpoker.application.play.Attendee;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;

/**
 * One WebSocket connection to a room. Everything sent to it goes through a bounded queue drained by asynchronous
 * sends, one frame in flight at a time, so frames keep their order and no room ever waits on a slow client. A
 * client that lets {@value #MAX_QUEUED} frames pile up is closed (1013) and can reconnect and resync. Pings, which
 * Liberty writes synchronously, are written on the pinger's threads (see {@link ConnectionRegistry}); a ping that
 * cannot be written for {@link ConnectionSweeper#PING_STUCK} means the client is not reading: it is closed (1013).
 */
final class ClientConnection implements Attendee {

    static final int MAX_QUEUED = 512;
    private static final Logger LOG = Logger.getLogger(ClientConnection.class.getName());
    private static final ByteBuffer PING = ByteBuffer.allocate(0);
    private static final AtomicLong SERIAL = new AtomicLong();

    private final String connectionId = Long.toString(SERIAL.incrementAndGet(), Character.MAX_RADIX);
    private final Session session;
    private final String roomId;
    private final UUID userId;
    private final String displayName;
    private final String inviteKey;
    private final long openedAtNanos;
    private final FloodGuard floodGuard;
    private final ConnectionThreads threads;
    private final Counter framesOut;
    private final Queue<Outbound> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean sending = new AtomicBoolean();
    private volatile boolean closing;
    private volatile UUID participantId;
    /** Guards {@link #stateSeq} together with queueing sequenced frames, so a state and the events around it keep order. */
    private final Object sequencing = new Object();
    private volatile long stateSeq;
    private volatile boolean everJoined;
    private volatile long lastHeardNanos;
    private volatile long lastPingNanos;
    /** The pinger thread writing this connection's ping and since when, or null; guarded by {@code pinging}. */
    private final Object pinging = new Object();
    private Thread pingWriter;
    private long pingStartedNanos;

    ClientConnection(Session session, String roomId, UUID userId, String displayName, String inviteKey, long nowNanos,
                     ConnectionThreads threads, Counter framesOut) {
        this.session = Objects.requireNonNull(session, "session is required");
        this.roomId = Objects.requireNonNull(roomId, "roomId is required");
        this.userId = Objects.requireNonNull(userId, "userId is required");
        this.displayName = displayName;
        this.inviteKey = inviteKey;
        this.openedAtNanos = nowNanos;
        this.lastHeardNanos = nowNanos;
        this.lastPingNanos = nowNanos;
        this.floodGuard = new FloodGuard(nowNanos);
        this.threads = Objects.requireNonNull(threads, "threads are required");
        this.framesOut = Objects.requireNonNull(framesOut, "framesOut is required");
    }

    @Override
    public String connectionId() {
        return connectionId;
    }

    @Override
    public UUID userId() {
        return userId;
    }

    @Override
    public String inviteKey() {
        return inviteKey;
    }

    @Override
    public UUID participantId() {
        return participantId;
    }

    @Override
    public void seat(UUID participantId) {
        this.participantId = participantId;
        if (participantId != null) {
            everJoined = true;
        }
    }

    @Override
    public long stateSeq() {
        return stateSeq;
    }

    @Override
    public void dismiss(Dismissal why, String message) {
        int code = switch (why) {
            case KICKED, NOT_ALLOWED -> CloseCodes.FORBIDDEN;
            case ROOM_CLOSED, NO_SUCH_ROOM -> CloseCodes.NOT_FOUND;
            case UNAVAILABLE -> CloseCodes.UNAVAILABLE;
        };
        enqueue(new Outbound.Close(CloseCodes.reason(code, message == null ? why.name() : message)));
    }

    @Override
    public String roomId() {
        return roomId;
    }

    /** The name from the token, used when a join does not bring its own. */
    String displayName() {
        return displayName;
    }

    boolean hasEverJoined() {
        return everJoined;
    }

    long openedAtNanos() {
        return openedAtNanos;
    }

    long lastHeardNanos() {
        return lastHeardNanos;
    }

    long lastPingNanos() {
        return lastPingNanos;
    }

    void heard(long nowNanos) {
        lastHeardNanos = nowNanos;
    }

    FloodGuard.Verdict admit(long nowNanos) {
        return floodGuard.admit(nowNanos);
    }

    @Override
    public void send(String json) {
        enqueue(new Outbound.Text(json));
    }

    @Override
    public void sendEvent(long seq, String json) {
        synchronized (sequencing) {
            if (seq > stateSeq) {
                enqueue(new Outbound.Text(json));
            }
        }
    }

    @Override
    public void sendState(long seq, String json) {
        synchronized (sequencing) {
            stateSeq = Math.max(stateSeq, seq);
            enqueue(new Outbound.Text(json));
        }
    }

    void ping(long nowNanos) {
        lastPingNanos = nowNanos;
        enqueue(new Outbound.Ping());
    }

    /** The connection is gone: nothing more is sent to it. */
    void closed() {
        closing = true;
        queue.clear();
    }

    /** Closes after what is queued has been sent. */
    void close(int code, String phrase) {
        enqueue(new Outbound.Close(CloseCodes.reason(code, phrase)));
    }

    private void enqueue(Outbound item) {
        if (closing) {
            return;
        }
        if (queued.incrementAndGet() > MAX_QUEUED && !(item instanceof Outbound.Close)) {
            closeNow(CloseCodes.reason(CloseCodes.TRY_AGAIN_LATER, "too slow to read the room's messages"));
            return;
        }
        queue.add(item);
        pump();
    }

    /** Sends queued frames one at a time; whoever flips {@code sending} owns the session's sender until it is done. */
    private void pump() {
        while (!closing && sending.compareAndSet(false, true)) {
            Outbound next = queue.poll();
            if (next == null) {
                sending.set(false);
                if (queue.isEmpty()) {
                    return;
                }
                continue;
            }
            queued.decrementAndGet();
            if (next instanceof Outbound.Text text) {
                framesOut.inc();
                sendText(text.json());
                return;
            }
            if (next instanceof Outbound.Ping) {
                if (pingOnPinger()) {
                    // The pinger goes on with the queue once the ping is written.
                    return;
                }
                sending.set(false);
            } else if (next instanceof Outbound.Close close) {
                closeNow(close.reason());
            }
        }
    }

    private void sendText(String json) {
        try {
            session.getAsyncRemote().sendText(json, result -> {
                if (!result.isOK()) {
                    closeNow(CloseCodes.reason(CloseCodes.UNAVAILABLE, "send failed"));
                }
                sending.set(false);
                pump();
            });
        } catch (RuntimeException broken) {
            // The container may throw instead of failing the send (seen: a NullPointerException from Liberty's frame
            // writer on a connection being torn down). This runs inside a room's delivery to all its connections:
            // one broken connection must not cost the others their frame.
            LOG.log(Level.FINE, "Sending to a connection failed", broken);
            closeNow(CloseCodes.reason(CloseCodes.UNAVAILABLE, "send failed"));
            sending.set(false);
        }
    }

    /**
     * Hands the ping to a pinger thread, which owns the sender until it is written; false when every pinger thread
     * is busy: the ping is then left to the next sweep.
     */
    private boolean pingOnPinger() {
        try {
            threads.pinger().execute(this::writePing);
            return true;
        } catch (RejectedExecutionException busy) {
            lastPingNanos -= ConnectionSweeper.PING_EVERY;
            return false;
        }
    }

    private void writePing() {
        synchronized (pinging) {
            pingWriter = Thread.currentThread();
            pingStartedNanos = System.nanoTime();
        }
        try {
            session.getAsyncRemote().sendPing(PING.duplicate());
        } catch (IOException | RuntimeException gone) {
            closeNow(CloseCodes.reason(CloseCodes.UNAVAILABLE, "ping failed"));
        } finally {
            synchronized (pinging) {
                pingWriter = null;
                // An interrupt from endStuckPing was for this ping only: the thread goes back to the pool clean.
                Thread.interrupted();
            }
        }
        sending.set(false);
        pump();
    }

    /**
     * Closes the connection (1013) when its ping has been waiting to be written since before {@code stuckSince}:
     * the client stopped reading. The waiting write returns when its thread is interrupted (Liberty's synchronous
     * write waits once, and gives up when interrupted), so the pinger gets its thread back.
     */
    void endStuckPing(long stuckSince) {
        synchronized (pinging) {
            if (pingWriter != null && pingStartedNanos - stuckSince < 0) {
                closeNow(CloseCodes.reason(CloseCodes.TRY_AGAIN_LATER, "not reading the room's messages"));
                pingWriter.interrupt();
            }
        }
    }

    /** Stops sending at once and closes on another thread: this may run under a room's lock. */
    private void closeNow(CloseReason reason) {
        closing = true;
        queue.clear();
        try {
            threads.closer().execute(() -> closeSession(reason));
        } catch (RejectedExecutionException shuttingDown) {
            // The application is stopping and its closer with it: close here, nothing waits on this room anymore.
            closeSession(reason);
        }
    }

    private void closeSession(CloseReason reason) {
        try {
            if (session.isOpen()) {
                session.close(reason);
            }
        } catch (IOException | IllegalStateException alreadyGone) {
            LOG.log(Level.FINE, "Closing a connection that was already gone", alreadyGone);
        }
    }
}
