package dev.scrumpoker.infrastructure.migration;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Creates the monthly partitions of the history and audit tables ahead of time: this month's and the next
 * {@value #MONTHS_AHEAD}, at start-up and every {@value #CHECK_EVERY_HOURS} hours. A row whose month has no
 * partition cannot be inserted, so they are made long before they are needed; nodes take turns through an
 * advisory lock, and a partition that exists is left alone.
 */
@ApplicationScoped
public class PartitionMaintenance {

    static final List<String> PARTITIONED_TABLES = List.of("round_history", "audit_log");
    static final int MONTHS_AHEAD = 3;
    static final int CHECK_EVERY_HOURS = 6;
    private static final Logger LOG = Logger.getLogger(PartitionMaintenance.class.getName());

    @Resource(lookup = "jdbc/scrumPoker")
    DataSource dataSource;
    @Inject
    SchemaMigration schema;
    @Inject
    Clock clock;
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> maintaining;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        maintaining = scheduler.scheduleWithFixedDelay(this::maintainSafely, 0, CHECK_EVERY_HOURS, TimeUnit.HOURS);
    }

    @PreDestroy
    void stop() {
        if (maintaining != null) {
            maintaining.cancel(false);
        }
    }

    /** Makes sure this month's and the coming months' partitions exist; answers the ones it created. */
    public List<String> ensurePartitions() throws SQLException {
        LocalDate thisMonth = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).withDayOfMonth(1);
        List<String> created = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement lock = connection.createStatement();
                 PreparedStatement create = connection.prepareStatement("SELECT create_monthly_partition(?, ?)")) {
                lock.execute("SELECT pg_advisory_xact_lock(hashtext('scrum-poker:partition-maintenance'))");
                for (String table : PARTITIONED_TABLES) {
                    for (int ahead = 0; ahead <= MONTHS_AHEAD; ahead++) {
                        LocalDate month = thisMonth.plusMonths(ahead);
                        create.setString(1, table);
                        create.setObject(2, month);
                        try (ResultSet result = create.executeQuery()) {
                            if (result.next() && result.getBoolean(1)) {
                                created.add(table + " " + month.getYear() + "-" + month.getMonthValue());
                            }
                        }
                    }
                }
                connection.commit();
            } catch (SQLException failed) {
                connection.rollback();
                throw failed;
            }
        }
        return created;
    }

    private void maintainSafely() {
        // A failure must not cancel the timer (scheduled tasks stop on the first exception): the next run retries.
        try {
            if (!schema.migrate()) {
                return;
            }
            List<String> created = ensurePartitions();
            if (!created.isEmpty()) {
                LOG.info(() -> "Created partitions " + created);
            }
        } catch (SQLException | RuntimeException failed) {
            LOG.log(Level.WARNING, "Cannot create the coming months' partitions; retrying in "
                    + CHECK_EVERY_HOURS + " hours", failed);
        }
    }
}
