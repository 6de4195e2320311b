package dev.scrumpoker.infrastructure.redis;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.redisson.api.RFuture;
import org.redisson.client.RedisException;

/**
 * Redis did not answer within a short deadline (or failed): the caller decides on this node alone instead. For the
 * per-request questions (a rate-limit count, a one-time use) that must not hold a request up while Redis is away.
 */
final class RedisUnanswered extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(RedisUnanswered.class.getName());
    private static final long DEADLINE_MILLIS = 300;

    private RedisUnanswered(Throwable cause) {
        super(cause);
    }

    /** Redis's answer, if it comes within 300 ms; otherwise {@code RedisUnanswered}. */
    static <T> T await(RFuture<T> answer, String question) {
        try {
            return answer.toCompletableFuture().get(DEADLINE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new RedisUnanswered(interrupted);
        } catch (ExecutionException | TimeoutException | RedisException failed) {
            LOG.log(Level.FINE, "Redis did not answer " + question + " in time; deciding on this node", failed);
            throw new RedisUnanswered(failed);
        }
    }
}
