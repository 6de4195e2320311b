package dev.scrumpoker.infrastructure.redis;

import dev.scrumpoker.application.account.SingleUse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.redisson.api.RedissonClient;

/**
 * One-time uses marked in Redis ({@code SET NX} with an expiry), so a ticket used on one node is refused on every
 * other. This node also remembers what it saw: while Redis does not answer within 300 ms, a use is checked here only
 * (connections keep opening during an outage; a replay would need another node within the ticket's seconds).
 */
@ApplicationScoped
public class RedisSingleUse implements SingleUse {

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
            return RedisUnanswered.await(redis.getBucket(RedisKeys.used(id)).setIfAbsentAsync(Boolean.TRUE, keep),
                    "a one-time use");
        } catch (RedisUnanswered away) {
            return true;
        }
    }

    private void forgetExpired(Instant now) {
        if (seenHere.size() > MAX_LOCAL) {
            seenHere.values().removeIf(until -> until.isBefore(now));
        }
    }
}
