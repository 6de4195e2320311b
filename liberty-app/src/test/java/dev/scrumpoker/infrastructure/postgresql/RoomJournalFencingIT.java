package dev.scrumpoker.infrastructure.postgresql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scrumpoker.application.play.RoomWrite;
import dev.scrumpoker.application.play.RoomWrite.RoundOpened;
import dev.scrumpoker.application.play.RoomWrite.SeatSaved;
import dev.scrumpoker.domain.room.Role;
import dev.scrumpoker.domain.round.Round;
import dev.scrumpoker.infrastructure.postgresql.PostgresRoomJournal.RoomSteps;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The journal's fence on the real PostgreSQL (the schema the integration server migrated), one batch of several rooms
 * and several kinds of writes at a time: a room whose epoch has moved on (another node took it) leaves nothing behind
 * and costs the other rooms of its batch nothing, whether its writes would have gone in or would have clashed with
 * what its new owner wrote. (A batch written in one round trip before its fence is read, tried on 2026-12-02, must
 * keep passing these.)
 */
class RoomJournalFencingIT {

    private static final String URL = "jdbc:postgresql://127.0.0.1:" + System.getProperty("db.port", "5432") + "/"
            + System.getProperty("db.name", "scrumpoker");
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private Connection connection;
    private UUID owner;

    @BeforeEach
    void connect() throws SQLException {
        connection = DriverManager.getConnection(URL, System.getProperty("db.user", "scrumpoker"),
                System.getProperty("db.password", "scrumpoker"));
        owner = UUID.randomUUID();
        update("INSERT INTO users (id, display_name, guest, created_at) VALUES (?, 'journal-it', true, now())", owner);
        connection.setAutoCommit(false);
    }

    @AfterEach
    void close() throws SQLException {
        connection.rollback();
        connection.close();
    }

    @Test
    void aBatchOfSeveralKindsLandsWholeWhenEveryRoomPasses() throws SQLException {
        String first = room(1, 0);
        String second = room(1, 3);

        Set<String> written = write(steps(first, 1, 0, 2, seat(first), opened(first, 1, "first")),
                steps(second, 1, 3, 4, opened(second, 1, "second")));

        assertEquals(Set.of(first, second), written);
        assertEquals(List.of("1:2", "1:4"), List.of(play(first), play(second)));
        assertEquals(List.of("first"), titles(first));
        assertEquals(List.of("second"), titles(second));
        assertEquals(1, count("SELECT count(*) FROM participants WHERE room_id = ?", first));
    }

    @Test
    void aRoomTakenByAnotherOwnerLeavesNothingAndTheOthersAreWritten() throws SQLException {
        String kept = room(1, 0);
        String taken = room(2, 0);

        Set<String> written = write(steps(kept, 1, 0, 2, seat(kept), opened(kept, 1, "kept")),
                steps(taken, 1, 0, 2, seat(taken), opened(taken, 1, "stale")));

        assertEquals(Set.of(kept), written);
        assertEquals(List.of("kept"), titles(kept));
        assertEquals(List.of(), titles(taken));
        assertEquals(0, count("SELECT count(*) FROM participants WHERE room_id = ?", taken));
        assertEquals("2:0", play(taken));
    }

    @Test
    void aStaleRoomWhoseWritesClashWithItsNewOwnersCostsTheOthersNothing() throws SQLException {
        String kept = room(1, 0);
        String taken = room(2, 1);
        update("INSERT INTO rounds (room_id, number, story_title, started_at) VALUES (?, 1, 'new owner', now())", taken);
        connection.commit();

        Set<String> written = write(steps(kept, 1, 0, 1, opened(kept, 1, "kept")),
                steps(taken, 1, 0, 1, opened(taken, 1, "stale")));

        assertEquals(Set.of(kept), written);
        assertEquals(List.of("kept"), titles(kept));
        assertEquals(List.of("new owner"), titles(taken));
        assertEquals("2:1", play(taken));
    }

    private Set<String> write(RoomSteps... rooms) throws SQLException {
        Set<String> written = PostgresRoomJournal.write(new JournalStatements(connection), List.of(rooms));
        connection.commit();
        return written;
    }

    /** A room, played at {@code epoch} with {@code seq} its last durable event. */
    private String room(long epoch, long seq) throws SQLException {
        String id = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36 * 36,
                36L * 36 * 36 * 36 * 36 * 36 * 36 * 36), 36);
        update("INSERT INTO rooms (id, title, deck, cards, privacy, owner_id, invite_key, created_at) "
                + "VALUES (?, 'journal-it', 'FIBONACCI', '1,2,3', 'PUBLIC', ?, 'key', now())", id, owner);
        update("INSERT INTO room_play (room_id, epoch, seq, owner) VALUES (?, ?, ?, 'some-node')", id, epoch, seq);
        connection.commit();
        return id;
    }

    private static RoomSteps steps(String roomId, long epoch, long fromSeq, long toSeq, RoomWrite... writes) {
        return new RoomSteps(roomId, epoch, fromSeq, toSeq, writes.length, List.of(writes));
    }

    private SeatSaved seat(String roomId) {
        return new SeatSaved(UUID.randomUUID(), roomId, owner, "host", Role.VOTER, true, true, false, NOW);
    }

    private static RoundOpened opened(String roomId, int number, String title) {
        return new RoundOpened(new Round(roomId, number, null, title, NOW, null, null));
    }

    /** The room's epoch and last durable seq, as "epoch:seq". */
    private String play(String roomId) throws SQLException {
        return column("SELECT epoch || ':' || seq FROM room_play WHERE room_id = ?", roomId).get(0);
    }

    private List<String> titles(String roomId) throws SQLException {
        return column("SELECT story_title FROM rounds WHERE room_id = ? ORDER BY number", roomId);
    }

    private long count(String sql, Object... parameters) throws SQLException {
        return Long.parseLong(column(sql, parameters).get(0));
    }

    private List<String> column(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters); ResultSet rows = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters)) {
            statement.executeUpdate();
        }
    }

    private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
