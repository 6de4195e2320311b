package dev.scrumpoker.infrastructure.migration;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with Flyway when the application starts (migrations in db/migration at the top of
 * the repository, packaged into the WAR). Several nodes starting at once are safe: Flyway takes a PostgreSQL
 * advisory lock. Until a migration has succeeded, /health/ready stays DOWN. On Liberty, Flyway finds a classpath
 * folder only by the marker file {@code flyway.location} in it; db/callback holds only such a marker because
 * Flyway looks there for callbacks at every start and logs an error when it cannot resolve the folder.
 */
@ApplicationScoped
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "jdbc/scrumPoker")
    DataSource dataSource;

    private volatile boolean migrated;

    void migrateOnStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        migrate();
    }

    /** Applies pending migrations; returns whether the schema is current. Retried by the readiness check. */
    public synchronized boolean migrate() {
        if (migrated) {
            return true;
        }
        try {
            MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            LOG.info(() -> "Schema is at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                    + " migrations applied now)");
            migrated = true;
        } catch (RuntimeException unavailable) {
            LOG.log(Level.WARNING, "Schema migration failed; will retry when readiness is checked", unavailable);
        }
        return migrated;
    }

    public boolean isMigrated() {
        return migrated;
    }
}
