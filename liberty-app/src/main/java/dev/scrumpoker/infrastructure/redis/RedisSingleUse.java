package dev.scrumpoker.infrastructure.redis;

import dev.scrumpoker.application.account.SingleUse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;

/**
 * One-time uses marked in Redis ({@code SET NX} with an expiry), so a ticket used on one node is refused on every
 * other. This node also remembers what it saw: while Redis does not answer within 300 ms, a use is checked here only
 * (connections keep opening during an outage; a replay would need another node within the ticket's seconds).
 */
@ApplicationScoped
public class RedisSingleUse implements SingleUse {

    private static final Logger LOG = Logger.getLogger(RedisSingleUse.class.getName());
    private static final long DEADLINE_MILLIS = 300;
    /** Beyond this many remembered uses, the expired ones are dropped. */
    private static final int MAX_LOCAL = 100_000;

    @Inject
    RedissonClient redis;
    @Inject
    Clock clock;

    private final Map<String, Instant> seenHere = new ConcurrentHashMap<>();

    @Override
    public boolean firstUse(String id, Instant forgetAfter) {
        Instant now = clock.instant();
        if (seenHere.putIfAbsent(id, forgetAfter) != null) {
            return false;
        }
        forgetExpired(now);
        Duration keep = Duration.between(now, forgetAfter).plusSeconds(1);
        try {
            return redis.getBucket(RedisKeys.used(id)).setIfAbsentAsync(Boolean.TRUE, keep).toCompletableFuture()
                    .get(DEADLINE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return true;
        } catch (ExecutionException | TimeoutException | RedisException unanswered) {
            LOG.log(Level.FINE, "Redis did not answer a one-time use in time; checked on this node only", unanswered);
            return true;
        }
    }

    private void forgetExpired(Instant now) {
        if (seenHere.size() > MAX_LOCAL) {
            seenHere.values().removeIf(until -> until.isBefore(now));
        }
    }
}
