package dev.scrumpoker.infrastructure.health;

import dev.scrumpoker.infrastructure.migration.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.redisson.api.RedissonClient;

/** Ready means: PostgreSQL answers and its schema is migrated, and Redis answers. */
@ApplicationScoped
public class ReadinessChecks {

    private static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = "jdbc/scrumPoker")
    DataSource dataSource;
    @Inject
    SchemaMigration schema;
    @Inject
    RedissonClient redis;

    @Produces
    @Readiness
    HealthCheck postgresql() {
        return () -> {
            boolean reachable;
            try (Connection connection = dataSource.getConnection()) {
                reachable = connection.isValid(TIMEOUT_SECONDS);
            } catch (SQLException unreachable) {
                reachable = false;
            }
            boolean migrated = reachable && schema.migrate();
            return HealthCheckResponse.named("postgresql").status(reachable && migrated)
                    .withData("reachable", reachable).withData("migrated", migrated).build();
        };
    }

    @Produces
    @Readiness
    HealthCheck redis() {
        return () -> {
            boolean reachable;
            try {
                reachable = redis.getNodesGroup().pingAll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (RuntimeException unreachable) {
                reachable = false;
            }
            return HealthCheckResponse.named("redis").status(reachable).build();
        };
    }
}
