package dev.scrumpoker.infrastructure.postgresql;

import dev.scrumpoker.application.play.RoomJournal;
import dev.scrumpoker.application.play.RoomWrite;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The room journal on PostgreSQL: one writer thread takes everything appended since its last commit and writes it in
 * one transaction, a fixed handful of statements whatever the number of rooms (group commit). The first statement
 * fences: it advances each room's {@code seq} in {@code room_play} only where the epoch and the last saved seq are
 * the step's, and locks those rows until the commit; rooms it did not advance are left out of the rest. No JPA and no
 * JTA here: plain JDBC on a pooled connection, arrays bound through {@code unnest}.
 */
@ApplicationScoped
public class PostgresRoomJournal implements RoomJournal {

    private static final Logger LOG = Logger.getLogger(PostgresRoomJournal.class.getName());
    /** A bound on one transaction: beyond it the rest waits for the next commit, a few milliseconds later. */
    private static final int MAX_BATCH = 4096;

    /** Unshareable: on the journal's own long-lived thread a shareable connection would stay bound to it. */
    @Resource(lookup = "jdbc/scrumPoker", shareable = false)
    DataSource dataSource;
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threadFactory;
    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;
    /**
     * The least time from one commit's start to the next. Without it, under load the writer committed as soon as the
     * last commit was done, two or three steps at a time, and each commit is a WAL flush and a round trip; spaced,
     * one commit carries what came meanwhile. A step arriving after a quiet spell is written at once.
     */
    @Inject
    @ConfigProperty(name = "journal.commit.interval.ms", defaultValue = "5")
    long commitIntervalMillis;

    private final BlockingQueue<Entry> queue = new LinkedBlockingQueue<>();
    /** Rooms whose entries at an epoch are refused without a try: an earlier one failed or was fenced off. */
    private final Map<String, Refusal> refused = new HashMap<>();
    private Thread writer;
    private volatile boolean running;
    private Timer commits;
    /** Used by the writer thread only. */
    private Connection connection;
    private Histogram batchSizes;
    /** Used by the writer thread only. */
    private long lastCommitNanos = System.nanoTime();

    private record Refusal(long epoch, Outcome outcome) {
    }

    @PostConstruct
    void start() {
        commits = metrics.timer(Metadata.builder().withName("scrumpoker_journal_commit")
                .withDescription("One batch of room writes: from its first statement to its commit")
                .withUnit(MetricUnits.SECONDS).build());
        batchSizes = metrics.histogram(Metadata.builder().withName("scrumpoker_journal_batch_steps")
                .withDescription("Steps of rooms written in one transaction").build());
        metrics.gauge(Metadata.builder().withName("scrumpoker_journal_queued")
                .withDescription("Steps of rooms waiting for the next commit").build(), queue, BlockingQueue::size);
        running = true;
        writer = threadFactory.newThread(this::run);
        writer.setName("scrum-poker-room-journal");
        writer.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        writer.interrupt();
        try {
            writer.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        if (connection != null) {
            discardConnection();
        }
    }

    @Override
    public void append(Entry entry) {
        queue.add(entry);
    }

    private void run() {
        List<Entry> batch = new ArrayList<>();
        while (running) {
            try {
                Entry first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                awaitCommitInterval();
                queue.drainTo(batch, MAX_BATCH - 1);
                lastCommitNanos = System.nanoTime();
                write(batch);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException unexpected) {
                // The writer must outlive any bug: the steps of this batch are failed, the rooms rebuilt.
                LOG.log(Level.SEVERE, "Writing a batch of room steps failed", unexpected);
                batch.forEach(entry -> complete(entry, Outcome.FAILED));
            } finally {
                batch.clear();
            }
        }
    }

    /** Lets what arrives within the commit interval join this commit. */
    private void awaitCommitInterval() throws InterruptedException {
        long wait = lastCommitNanos + TimeUnit.MILLISECONDS.toNanos(commitIntervalMillis) - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    private void write(List<Entry> batch) {
        batchSizes.update(batch.size());
        Map<String, List<Entry>> byRoom = new LinkedHashMap<>();
        for (Entry entry : batch) {
            Refusal refusal = refused.get(entry.roomId());
            if (refusal != null && entry.epoch() <= refusal.epoch()) {
                complete(entry, refusal.outcome());
                continue;
            }
            refused.remove(entry.roomId());
            byRoom.computeIfAbsent(entry.roomId(), room -> new ArrayList<>()).add(entry);
        }
        List<RoomSteps> changed = new ArrayList<>();
        for (Map.Entry<String, List<Entry>> room : byRoom.entrySet()) {
            RoomSteps steps = RoomSteps.of(room.getKey(), room.getValue());
            if (steps.changesRoom()) {
                changed.add(steps);
            }
        }
        Set<String> written = changed.isEmpty() ? Set.of() : commit(changed);
        for (Map.Entry<String, List<Entry>> room : byRoom.entrySet()) {
            String roomId = room.getKey();
            boolean changes = changed.stream().anyMatch(steps -> steps.roomId().equals(roomId));
            Outcome outcome = written == null ? (changes ? Outcome.FAILED : Outcome.COMMITTED)
                    : !changes || written.contains(roomId) ? Outcome.COMMITTED : Outcome.FENCED;
            if (outcome != Outcome.COMMITTED) {
                refused.put(roomId, new Refusal(room.getValue().get(0).epoch(), outcome));
            }
            room.getValue().forEach(entry -> complete(entry, outcome));
        }
    }

    /** Writes the rooms' steps in one transaction; answers the rooms written, or null when the database failed. */
    private Set<String> commit(List<RoomSteps> rooms) {
        long started = System.nanoTime();
        try {
            Connection connection = connection();
            try {
                Set<String> written = write(new JournalStatements(connection), rooms);
                connection.commit();
                commits.update(Duration.ofNanos(System.nanoTime() - started));
                return written;
            } catch (SQLException | RuntimeException failed) {
                discardConnection();
                throw failed;
            }
        } catch (SQLException failed) {
            LOG.warning("Cannot write " + rooms.size() + " rooms' steps: " + failed);
            LOG.log(Level.FINE, "Writing rooms' steps", failed);
            return null;
        }
    }

    /**
     * The fence, then the writes of the rooms it let through. A batch of nothing but cast votes (what most batches
     * are) is one statement: the votes go in for the rooms the fence let through, in the same round trip.
     */
    static Set<String> write(JournalStatements statements, List<RoomSteps> rooms) throws SQLException {
        JournalBatch all = batchOf(rooms);
        boolean onlyCastVotes = all.isOnlyCastVotes();
        Set<String> admitted = onlyCastVotes ? statements.fenceAndCastVotes(rooms, all.castVotes())
                : statements.fence(rooms);
        List<RoomSteps> fencedOff = rooms.stream().filter(room -> !admitted.contains(room.roomId())).toList();
        for (RoomSteps room : fencedOff) {
            LOG.warning("Room " + room.roomId() + " at epoch " + room.epoch() + " was fenced off: its "
                    + room.steps() + " pending steps are not written");
        }
        if (!onlyCastVotes) {
            statements.write(fencedOff.isEmpty() ? all
                    : batchOf(rooms.stream().filter(room -> admitted.contains(room.roomId())).toList()));
        }
        return admitted;
    }

    private static JournalBatch batchOf(List<RoomSteps> rooms) {
        JournalBatch batch = new JournalBatch();
        rooms.forEach(room -> room.writes().forEach(batch::add));
        return batch;
    }

    /** The writer's own connection, kept from batch to batch (taking one from the pool each time cost more CPU). */
    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
        }
        return connection;
    }

    /** After a failure: rolled back and closed, so the next batch starts on a fresh connection. */
    private void discardConnection() {
        try (Connection broken = connection) {
            connection = null;
            broken.rollback();
        } catch (SQLException alreadyBroken) {
            LOG.log(Level.FINE, "Discarding the journal's connection", alreadyBroken);
        }
    }

    private static void complete(Entry entry, Outcome outcome) {
        try {
            entry.done().accept(outcome);
        } catch (RuntimeException failed) {
            LOG.log(Level.SEVERE, "Telling room " + entry.roomId() + " its step was " + outcome + " failed", failed);
        }
    }

    /** One room's entries in a batch: where its seq goes, at which epoch, and its writes in order. */
    record RoomSteps(String roomId, long epoch, long fromSeq, long toSeq, int steps, List<RoomWrite> writes) {

        static RoomSteps of(String roomId, List<Entry> entries) {
            List<RoomWrite> writes = new ArrayList<>();
            long from = entries.get(0).fromSeq();
            long to = from;
            for (Entry entry : entries) {
                if (entry.fromSeq() != to || entry.epoch() != entries.get(0).epoch()) {
                    throw new IllegalStateException("room " + roomId + ": steps out of order at seq " + entry.fromSeq());
                }
                to = entry.toSeq();
                writes.addAll(entry.writes());
            }
            return new RoomSteps(roomId, entries.get(0).epoch(), from, to, entries.size(), writes);
        }

        boolean changesRoom() {
            return toSeq > fromSeq;
        }
    }
}
