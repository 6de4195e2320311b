package dev.scrumpoker.application.play;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one room's work one task at a time, in the order it was posted, on a shared pool: a room never needs a lock,
 * and no thread ever waits for a room. Posting never blocks. A busy room yields its thread after a burst so the
 * others get their turn.
 */
final class Mailbox<T> implements Runnable {

    private static final Logger LOG = Logger.getLogger(Mailbox.class.getName());
    private static final int BURST = 64;

    private final Queue<T> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Executor pool;
    private final Consumer<T> handler;
    private volatile boolean closed;

    Mailbox(Executor pool, Consumer<T> handler) {
        this.pool = pool;
        this.handler = handler;
    }

    /**
     * Queues a task; false when the mailbox was closed, and then the task is not queued. A task that raced with
     * {@link #close} is either run by the mailbox or handed back by {@link #close}'s drain, never lost.
     */
    boolean post(T task) {
        if (closed) {
            return false;
        }
        tasks.add(task);
        if (closed && tasks.remove(task)) {
            return false;
        }
        if (scheduled.compareAndSet(false, true)) {
            pool.execute(this);
        }
        return true;
    }

    /** Stops taking tasks (called from a task of this mailbox); answers what was queued after it, to go elsewhere. */
    Queue<T> close() {
        closed = true;
        Queue<T> left = new ConcurrentLinkedQueue<>();
        T task;
        while ((task = tasks.poll()) != null) {
            left.add(task);
        }
        return left;
    }

    @Override
    public void run() {
        for (int done = 0; done < BURST && !closed; done++) {
            T task = tasks.poll();
            if (task == null) {
                break;
            }
            try {
                handler.accept(task);
            } catch (RuntimeException failed) {
                // A bug in one task must not stop the room: the task's own caller is answered by timeouts.
                LOG.log(Level.SEVERE, "A room task failed", failed);
            }
        }
        scheduled.set(false);
        if (!closed && !tasks.isEmpty() && scheduled.compareAndSet(false, true)) {
            pool.execute(this);
        }
    }
}
