package dev.scrumpoker.infrastructure.redis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.redisson.config.ConstantDelay;
import org.redisson.config.EqualJitterDelay;

/**
 * The node's one Redisson client, configured from {@code REDIS_URL} (and {@code REDIS_PASSWORD} where Redis asks
 * for one, as the OpenShift deployment's does) with pool sizes from config. Redisson
 * reconnects by itself after a Redis restart; it is shut down with the application.
 */
@ApplicationScoped
public class RedissonClientProducer {

    @Inject
    @ConfigProperty(name = "redis.url", defaultValue = "redis://127.0.0.1:6379")
    String url;

    @Inject
    @ConfigProperty(name = "redis.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "redis.pool.size", defaultValue = "32")
    int poolSize;

    @Inject
    @ConfigProperty(name = "redis.timeout.ms", defaultValue = "3000")
    int timeoutMillis;

    @Inject
    @ConfigProperty(name = "redis.ping.interval.ms", defaultValue = "0")
    int pingIntervalMillis;

    @Produces
    @ApplicationScoped
    RedissonClient redisson() {
        Config config = new Config();
        config.useSingleServer()
                .setAddress(url)
                .setPassword(password.filter(secret -> !secret.isBlank()).orElse(null))
                .setConnectionPoolSize(poolSize)
                .setConnectionMinimumIdleSize(Math.min(4, poolSize))
                .setTimeout(timeoutMillis)
                .setConnectTimeout(timeoutMillis)
                // A command that could not be written (a pooled connection that died with a Redis restart) is tried
                // again on another connection. Redisson also resends one whose answer timed out, so a message to
                // another node may arrive twice: receivers drop duplicates (RoomActor by ticket, seq for events).
                .setRetryAttempts(3)
                .setRetryDelay(new ConstantDelay(Duration.ofMillis(200)))
                // Reconnect within a second of Redis coming back (the default backs off to 10 s), so rooms split
                // over nodes play again at once; measured in RedisOutageIT.
                .setReconnectionDelay(new EqualJitterDelay(Duration.ofMillis(100), Duration.ofSeconds(1)))
                // No application PING by default: with a 1 s PING two saturated nodes lost 64 of 1,166,871 messages
                // between them on Redis pub/sub; with none, 0 of 918,754 in the same benchmark and storm (see
                // docs/performance-benchmarks.md). A restart is noticed at once (its sockets close); a silently
                // dead peer is noticed by TCP keepalive after about 11 s of silence.
                .setPingConnectionInterval(pingIntervalMillis)
                .setKeepAlive(true)
                .setTcpKeepAliveIdle(5)
                .setTcpKeepAliveInterval(2)
                .setTcpKeepAliveCount(3);
        // Room events must reach connections in the order they were published on the topic.
        config.setKeepPubSubOrder(true);
        // Start without Redis: readiness reports it, and Redisson connects once Redis is there.
        config.setLazyInitialization(true);
        return Redisson.create(config);
    }

    void close(@Disposes RedissonClient client) {
        client.shutdown();
    }
}
