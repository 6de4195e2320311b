package dev.scrumpoker.infrastructure.redis;

import dev.scrumpoker.application.limits.Admission;
import dev.scrumpoker.application.limits.Limit;
import dev.scrumpoker.application.limits.RateLimits;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RedissonClient;

/**
 * Limits counted in Redis, so every node sees the same counts: one counter per key and fixed window, incremented and
 * given its expiry in one pipelined round trip. Redisson's {@code RRateLimiter} was the first choice, but it cannot
 * say how long to wait, and a 429 must carry {@code Retry-After}; a fixed window can.
 * Redis is asked with a short deadline; when it does not answer, this node counts on its own (a limit per node is
 * better than none, and sign-ins must not fail because coordination is away).
 */
@ApplicationScoped
public class RedisRateLimits implements RateLimits {

    private static final String COUNT = "a rate-limit count";
    /** Longer keys (they come from clients: an email) are stored by their hash. */
    private static final int MAX_KEY_LENGTH = 128;
    /** Local counts kept while Redis is away; beyond this many, old windows are dropped all at once. */
    private static final int MAX_LOCAL_COUNTS = 100_000;

    @Inject
    RedissonClient redis;
    @Inject
    Clock clock;

    private final Map<String, AtomicLong> localCounts = new ConcurrentHashMap<>();
    private BatchedCounts batched;

    @PostConstruct
    void startBatching() {
        batched = new BatchedCounts(redis);
    }

    @Override
    public Admission take(Limit limit, String key) {
        Window window = window(limit, key);
        long uses;
        try {
            RBatch batch = redis.createBatch();
            RFuture<Long> incremented = batch.getAtomicLong(window.key()).incrementAndGetAsync();
            batch.getAtomicLong(window.key()).expireAsync(limit.window().plusSeconds(1));
            RedisUnanswered.await(batch.executeAsync(), COUNT);
            uses = incremented.toCompletableFuture().getNow(0L);
        } catch (RedisUnanswered away) {
            uses = local(window.key()).incrementAndGet();
        }
        return admission(limit, window, uses);
    }

    @Override
    public Admission takeWithoutWaiting(Limit limit, String key) {
        Window window = window(limit, key);
        long uses = batched.add(window.key(), window.endsAtMillis(), limit.window().plusSeconds(1), clock.millis());
        return admission(limit, window, uses);
    }

    @Override
    public Admission check(Limit limit, String key) {
        Window window = window(limit, key);
        long uses;
        try {
            uses = RedisUnanswered.await(redis.getAtomicLong(window.key()).getAsync(), COUNT);
        } catch (RedisUnanswered away) {
            uses = local(window.key()).get();
        }
        return admission(limit, window, uses + 1);
    }

    @Override
    public void forget(Limit limit, String key) {
        Window window = window(limit, key);
        localCounts.remove(window.key());
        try {
            RedisUnanswered.await(redis.getAtomicLong(window.key()).deleteAsync(), COUNT);
        } catch (RedisUnanswered away) {
            // The count expires with its window anyway.
        }
    }

    private record Window(String key, long endsAtMillis) {
    }

    private Window window(Limit limit, String key) {
        long length = limit.window().toMillis();
        long index = clock.millis() / length;
        return new Window(RedisKeys.limitWindow(limit.name(), shortened(key), index), (index + 1) * length);
    }

    private Admission admission(Limit limit, Window window, long uses) {
        if (uses <= limit.permits()) {
            return Admission.ALLOWED;
        }
        long millisLeft = window.endsAtMillis() - clock.millis();
        return Admission.refused(Duration.ofMillis(millisLeft + 999).toSeconds());
    }

    private AtomicLong local(String windowKey) {
        if (localCounts.size() > MAX_LOCAL_COUNTS) {
            localCounts.clear();
        }
        return localCounts.computeIfAbsent(windowKey, k -> new AtomicLong());
    }

    private static String shortened(String key) {
        if (key.length() <= MAX_KEY_LENGTH) {
            return key;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
        }
    }
}
