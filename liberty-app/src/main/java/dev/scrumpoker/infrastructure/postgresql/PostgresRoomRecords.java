package dev.scrumpoker.infrastructure.postgresql;

import dev.scrumpoker.application.Unavailable;
import dev.scrumpoker.application.play.RoomRecords;
import dev.scrumpoker.domain.account.Tier;
import dev.scrumpoker.domain.backlog.Backlog;
import dev.scrumpoker.domain.backlog.Story;
import dev.scrumpoker.domain.room.DeckType;
import dev.scrumpoker.domain.room.LiveRoom;
import dev.scrumpoker.domain.room.Participant;
import dev.scrumpoker.domain.room.Privacy;
import dev.scrumpoker.domain.room.Role;
import dev.scrumpoker.domain.room.Room;
import dev.scrumpoker.domain.room.SessionFlow;
import dev.scrumpoker.domain.round.Round;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Who plays a room, in {@code room_play}. Taking a room is one upsert that raises its epoch unless a live node other
 * than the taker holds it; it waits for (and then fences off) any batch of the previous owner still being committed,
 * because that batch holds the row. The room is loaded in the same transaction, after the take: it includes every
 * write the previous owner got in. Plain JDBC on an unshareable connection, because this runs on long-lived managed
 * threads, where a shareable connection would stay bound to the thread (and survive a database restart broken).
 */
@ApplicationScoped
public class PostgresRoomRecords implements RoomRecords {

    private static final Logger LOG = Logger.getLogger(PostgresRoomRecords.class.getName());
    private static final String TAKE = """
            INSERT INTO room_play AS p (room_id, epoch, seq, owner)
            SELECT id, 1, 0, ? FROM rooms WHERE id = ? AND deleted_at IS NULL
            ON CONFLICT (room_id) DO UPDATE SET epoch = p.epoch + 1, owner = EXCLUDED.owner
                WHERE p.owner IS NULL OR p.owner = EXCLUDED.owner OR NOT (p.owner = ANY (?::text[]))
            RETURNING epoch, seq""";
    private static final String HAND_OVER = """
            UPDATE room_play SET owner = ? WHERE room_id = ? AND owner = ? AND epoch = ?""";
    private static final String HOLDER = """
            SELECT r.deleted_at IS NULL, p.owner FROM rooms r LEFT JOIN room_play p ON p.room_id = r.id
            WHERE r.id = ?""";
    /** The room, how its session is run, and its owner's plan (which bounds the backlog). */
    private static final String ROOM = """
            SELECT r.id, r.title, r.deck, r.cards, r.privacy, r.owner_id, r.invite_key, r.created_at, r.deleted_at,
                   r.auto_reveal, r.countdown_ends_at, u.tier
            FROM rooms r JOIN users u ON u.id = r.owner_id WHERE r.id = ?""";
    private static final String SEATS = """
            SELECT id, room_id, user_id, display_name, role, host, seated, banned, joined_at
            FROM participants WHERE room_id = ? ORDER BY joined_at, id""";
    private static final String CURRENT_ROUND = "SELECT room_id, number, story_title, started_at, revealed_at, "
            + StatisticsColumns.NAMES + ", story_id FROM rounds WHERE room_id = ? ORDER BY number DESC LIMIT 1";
    private static final String STORIES = """
            SELECT id, issue_key, title, link, description, estimate, estimated_at, created_at
            FROM stories WHERE room_id = ? ORDER BY position, created_at""";
    private static final String VOTES = """
            SELECT participant_id, card_value FROM votes WHERE room_id = ? AND round_number = ? ORDER BY cast_at""";

    @Resource(lookup = "jdbc/scrumPoker", shareable = false)
    DataSource dataSource;

    @Override
    public Located locate(String roomId, String node, Set<String> liveNodes) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Located located = takeOrFindHolder(connection, roomId, node, liveNodes);
                connection.commit();
                return located;
            } catch (SQLException | RuntimeException failed) {
                connection.rollback();
                throw failed;
            }
        } catch (SQLException failed) {
            LOG.warning("Cannot take room " + roomId + ": " + failed);
            LOG.log(Level.FINE, "Taking room " + roomId, failed);
            throw new Unavailable("the room cannot be loaded right now; retry shortly", failed);
        }
    }

    @Override
    public boolean handOver(String roomId, String from, long epoch, String to) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement handOver = connection.prepareStatement(HAND_OVER)) {
            handOver.setString(1, to);
            handOver.setString(2, roomId);
            handOver.setString(3, from);
            handOver.setLong(4, epoch);
            return handOver.executeUpdate() == 1;
        } catch (SQLException failed) {
            LOG.warning("Cannot hand room " + roomId + " over to " + to + ": " + failed);
            throw new Unavailable("the room cannot be handed over right now", failed);
        }
    }

    private Located takeOrFindHolder(Connection connection, String roomId, String node, Set<String> liveNodes)
            throws SQLException {
        try (PreparedStatement take = connection.prepareStatement(TAKE)) {
            take.setString(1, node);
            take.setString(2, roomId);
            take.setArray(3, connection.createArrayOf("text", liveNodes.toArray()));
            try (ResultSet taken = take.executeQuery()) {
                if (taken.next()) {
                    return new Claimed(taken.getLong(1), taken.getLong(2), load(connection, roomId));
                }
            }
        }
        try (PreparedStatement holder = connection.prepareStatement(HOLDER)) {
            holder.setString(1, roomId);
            try (ResultSet found = holder.executeQuery()) {
                if (!found.next()) {
                    return new NotFound(null);
                }
                String owner = found.getString(2);
                return found.getBoolean(1) ? new OwnedBy(owner) : new NotFound(owner);
            }
        }
    }

    /**
     * The room as saved: seats, its current round and that round's votes, its backlog (as large as its owner's plan
     * allows now); nobody connected.
     */
    private static LiveRoom load(Connection connection, String roomId) throws SQLException {
        RoomRow saved = room(connection, roomId);
        Round current = currentRound(connection, roomId);
        Backlog backlog = new Backlog(stories(connection, roomId), saved.ownersTier().storiesPerRoom());
        return LiveRoom.restore(saved.room(), seats(connection, roomId), current,
                votes(connection, roomId, current.number()), saved.flow(), backlog, UUID::randomUUID);
    }

    /** What the room's own row (and its owner's) says. */
    private record RoomRow(Room room, SessionFlow flow, Tier ownersTier) {
    }

    private static List<Story> stories(Connection connection, String roomId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(STORIES)) {
            query.setString(1, roomId);
            List<Story> stories = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    OffsetDateTime estimatedAt = row.getObject(7, OffsetDateTime.class);
                    stories.add(new Story(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                            row.getString(4), row.getString(5), row.getString(6),
                            estimatedAt == null ? null : estimatedAt.toInstant(),
                            row.getObject(8, OffsetDateTime.class).toInstant()));
                }
            }
            return stories;
        }
    }

    private static RoomRow room(Connection connection, String roomId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(ROOM)) {
            query.setString(1, roomId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("room " + roomId + " vanished while taken");
                }
                OffsetDateTime deletedAt = row.getObject(9, OffsetDateTime.class);
                Room room = Room.restore(row.getString(1), row.getString(2), DeckType.valueOf(row.getString(3)),
                        row.getString(4), Privacy.valueOf(row.getString(5)), row.getObject(6, UUID.class),
                        row.getString(7), row.getObject(8, OffsetDateTime.class).toInstant(),
                        deletedAt == null ? null : deletedAt.toInstant());
                OffsetDateTime countdownEndsAt = row.getObject(11, OffsetDateTime.class);
                SessionFlow flow = new SessionFlow(row.getBoolean(10),
                        countdownEndsAt == null ? null : countdownEndsAt.toInstant());
                return new RoomRow(room, flow, Tier.valueOf(row.getString(12)));
            }
        }
    }

    private static List<Participant> seats(Connection connection, String roomId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(SEATS)) {
            query.setString(1, roomId);
            List<Participant> seats = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    seats.add(new Participant(row.getObject(1, UUID.class), row.getString(2),
                            row.getObject(3, UUID.class), row.getString(4), Role.valueOf(row.getString(5)),
                            row.getBoolean(6), row.getBoolean(7), row.getBoolean(8),
                            row.getObject(9, OffsetDateTime.class).toInstant()));
                }
            }
            return seats;
        }
    }

    private static Round currentRound(Connection connection, String roomId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(CURRENT_ROUND)) {
            query.setString(1, roomId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("room " + roomId + " has no round");
                }
                Object[] columns = new Object[12];
                for (int i = 0; i < columns.length; i++) {
                    columns[i] = row.getObject(i + 1);
                }
                OffsetDateTime revealedAt = row.getObject(5, OffsetDateTime.class);
                return new Round(row.getString(1), row.getInt(2), row.getObject(13, UUID.class), row.getString(3),
                        row.getObject(4, OffsetDateTime.class).toInstant(),
                        revealedAt == null ? null : revealedAt.toInstant(),
                        revealedAt == null ? null : StatisticsColumns.read(columns, 5));
            }
        }
    }

    private static Map<UUID, String> votes(Connection connection, String roomId, int round) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(VOTES)) {
            query.setString(1, roomId);
            query.setInt(2, round);
            Map<UUID, String> cards = new LinkedHashMap<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    cards.put(row.getObject(1, UUID.class), row.getString(2));
                }
            }
            return cards;
        }
    }
}
