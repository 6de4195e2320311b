package dev.scrumpoker.infrastructure.postgresql;

import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

/**
 * Keeps PostgreSQL's own error when a statement fails. By default EclipseLink then pings the database to see whether
 * the connection still works; inside a transaction that the failure has just aborted, the ping fails too ("current
 * transaction is aborted") and its error replaces the real one, so a value the database refused looked like an outage
 * ({@link FailureClassifier} could not tell). Liberty's connection pool already checks and replaces broken connections.
 */
public class OriginalDatabaseErrors implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setConnectionHealthValidatedOnError(false);
        }
    }
}
