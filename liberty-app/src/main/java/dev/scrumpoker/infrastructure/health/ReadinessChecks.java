package dev.scrumpoker.infrastructure.health;

import dev.scrumpoker.application.UpkeepThreads;
import dev.scrumpoker.infrastructure.health.DependencyState.Outcome;
import dev.scrumpoker.infrastructure.migration.SchemaMigration;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.redisson.api.RedissonClient;

/**
 * Ready means: PostgreSQL answers and its schema is migrated, and Redis answers. Both are checked in the background
 * every {@code health.check.interval}; the probe answers from the last outcome in microseconds. A probe that waited
 * for a pooled connection would time out exactly when the pool is busiest, take every pod out of the router at once
 * and start a reconnection storm.
 */
@ApplicationScoped
public class ReadinessChecks {

    private static final Logger LOG = Logger.getLogger(ReadinessChecks.class.getName());
    private static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = "jdbc/scrumPoker")
    DataSource dataSource;
    @Inject
    SchemaMigration schema;
    @Inject
    RedissonClient redis;
    @Inject
    UpkeepThreads upkeep;
    @Inject
    @ConfigProperty(name = "health.check.interval", defaultValue = "PT2S")
    Duration interval;

    private DependencyState postgresql;
    private DependencyState redisState;
    private ScheduledFuture<?> checks;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // A check takes at most a pool wait (5 s) and a timeout for each of its three steps (isValid, the schema, the
        // ping); three intervals past that, the checker is stuck.
        long staleAfter = interval.multipliedBy(3).plusSeconds(3L * TIMEOUT_SECONDS + 5).toNanos();
        postgresql = new DependencyState(staleAfter);
        redisState = new DependencyState(staleAfter);
        checks = upkeep.scheduler()
                .scheduleWithFixedDelay(this::checkSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (checks != null) {
            checks.cancel(false);
        }
    }

    @Produces
    @Readiness
    HealthCheck postgresql() {
        return () -> answer("postgresql", postgresql);
    }

    @Produces
    @Readiness
    HealthCheck redis() {
        return () -> answer("redis", redisState);
    }

    private static HealthCheckResponse answer(String name, DependencyState state) {
        long now = System.nanoTime();
        if (state == null) {
            return HealthCheckResponse.named(name).down().build();
        }
        return HealthCheckResponse.named(name).status(state.isUp(now))
                .withData("checkedAgoMs", state.checkedAgoMillis(now))
                .withData("poolBusy", state.wasBusy()).build();
    }

    private void checkSafely() {
        try {
            postgresql.record(checkPostgresql(), System.nanoTime());
            redisState.record(checkRedis(), System.nanoTime());
        } catch (RuntimeException unexpected) {
            // A failed run must not cancel the timer (scheduled tasks stop on the first exception).
            LOG.log(Level.WARNING, "Checking PostgreSQL and Redis failed", unexpected);
        }
    }

    private Outcome checkPostgresql() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(TIMEOUT_SECONDS) && schema.migrate() ? Outcome.UP : Outcome.DOWN;
        } catch (SQLTransientConnectionException poolBusy) {
            // Liberty's pool wait timed out (ConnectionWaitTimeoutException): the pool's connections are all working.
            return Outcome.BUSY;
        } catch (SQLException unreachable) {
            return Outcome.DOWN;
        }
    }

    private Outcome checkRedis() {
        try {
            return redis.getNodesGroup().pingAll(TIMEOUT_SECONDS, TimeUnit.SECONDS) ? Outcome.UP : Outcome.DOWN;
        } catch (RuntimeException unreachable) {
            return Outcome.DOWN;
        }
    }
}
