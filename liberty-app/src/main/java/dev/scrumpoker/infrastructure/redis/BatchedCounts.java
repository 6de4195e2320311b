package dev.scrumpoker.infrastructure.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RedissonClient;

/**
 * Counts in fixed windows, kept on this node and added to the shared counts in Redis in batches: at most one round
 * trip in flight, at most one every 100 ms, whatever the rate of uses. A count answers at once with the best estimate
 * (the shared count at the last answer plus this node's uses since), so nothing waits for Redis. A reconnection storm
 * is 5,000 handshakes in three seconds: one Redis call per handshake added three seconds to its recovery.
 * While Redis does not answer, this node's uses still count here.
 */
final class BatchedCounts {

    private static final long SEND_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final RedissonClient redis;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final AtomicBoolean sending = new AtomicBoolean();
    private volatile long lastSentNanos = System.nanoTime() - SEND_EVERY_NANOS;

    BatchedCounts(RedissonClient redis) {
        this.redis = redis;
    }

    /** Counts one use in the window named {@code windowKey}; answers the window's count as best known now. */
    long add(String windowKey, long windowEndsAtMillis, Duration keep, long nowMillis) {
        Counter counter = counters.computeIfAbsent(windowKey, key -> new Counter(windowEndsAtMillis, keep));
        long estimate = counter.shared + counter.unsent.incrementAndGet();
        sendIfDue(nowMillis);
        return estimate;
    }

    private void sendIfDue(long nowMillis) {
        long now = System.nanoTime();
        if (now - lastSentNanos < SEND_EVERY_NANOS || !sending.compareAndSet(false, true)) {
            return;
        }
        lastSentNanos = now;
        RBatch batch = redis.createBatch();
        List<Sent> sent = new ArrayList<>();
        for (Iterator<Map.Entry<String, Counter>> entries = counters.entrySet().iterator(); entries.hasNext(); ) {
            Map.Entry<String, Counter> entry = entries.next();
            Counter counter = entry.getValue();
            if (counter.endsAtMillis <= nowMillis) {
                entries.remove();
                continue;
            }
            long uses = counter.unsent.getAndSet(0);
            if (uses > 0) {
                RFuture<Long> total = batch.getAtomicLong(entry.getKey()).addAndGetAsync(uses);
                batch.getAtomicLong(entry.getKey()).expireAsync(counter.keep);
                sent.add(new Sent(counter, uses, total));
            }
        }
        if (sent.isEmpty()) {
            sending.set(false);
            return;
        }
        batch.executeAsync().whenComplete((answers, failure) -> {
            for (Sent one : sent) {
                one.counter.learn(failure == null ? one.total.toCompletableFuture().getNow(null) : null, one.uses);
            }
            sending.set(false);
        });
    }

    private static final class Counter {

        final long endsAtMillis;
        final Duration keep;
        /** Uses on this node not yet added to the shared count. */
        final AtomicLong unsent = new AtomicLong();
        /** The shared count at the last answer (this node's uses sent so far included). */
        volatile long shared;

        Counter(long endsAtMillis, Duration keep) {
            this.endsAtMillis = endsAtMillis;
            this.keep = keep;
        }

        /** Redis answered with the shared total, or (null) did not: then the uses sent count here only. */
        synchronized void learn(Long total, long uses) {
            shared = total != null ? Math.max(shared + uses, total) : shared + uses;
        }
    }

    private record Sent(Counter counter, long uses, RFuture<Long> total) {
    }
}
