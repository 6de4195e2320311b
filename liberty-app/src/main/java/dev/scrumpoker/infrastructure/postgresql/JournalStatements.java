package dev.scrumpoker.infrastructure.postgresql;

import dev.scrumpoker.application.play.RoomWrite.FlowSaved;
import dev.scrumpoker.application.play.RoomWrite.InvitationReplaced;
import dev.scrumpoker.application.play.RoomWrite.SeatSaved;
import dev.scrumpoker.application.play.RoomWrite.StorySaved;
import dev.scrumpoker.application.play.RoomWrite.VoteCast;
import dev.scrumpoker.domain.audit.AuditEntry;
import dev.scrumpoker.domain.round.Round;
import dev.scrumpoker.domain.round.RoundRecord;
import dev.scrumpoker.domain.round.RoundStatistics;
import dev.scrumpoker.infrastructure.postgresql.PostgresRoomJournal.RoomSteps;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The journal's statements: each takes its rows as arrays, one per column, unnested by PostgreSQL, so a batch of
 * any size is one round trip per kind of write. Times travel as microseconds since the epoch (exact, and free of the
 * driver's time-zone handling).
 */
final class JournalStatements {

    private static final String AT = "timestamptz 'epoch' + %s * interval '1 microsecond'";
    private static final String FENCE = """
            UPDATE room_play p SET seq = s.to_seq
            FROM unnest(?::text[], ?::int8[], ?::int8[], ?::int8[]) AS s(room_id, epoch, from_seq, to_seq)
            WHERE p.room_id = s.room_id AND p.epoch = s.epoch AND p.seq = s.from_seq
            RETURNING p.room_id""";
    private static final String SEATS = """
            INSERT INTO participants (id, room_id, user_id, display_name, role, host, seated, banned, joined_at)
            SELECT id, room_id, user_id, display_name, role, host, seated, banned, %s
            FROM unnest(?::uuid[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::bool[], ?::bool[], ?::bool[], ?::int8[])
                AS s(id, room_id, user_id, display_name, role, host, seated, banned, joined_us)
            ON CONFLICT (id) DO UPDATE SET display_name = EXCLUDED.display_name, role = EXCLUDED.role,
                host = EXCLUDED.host, seated = EXCLUDED.seated, banned = EXCLUDED.banned""".formatted(AT.formatted("joined_us"));
    private static final String ROUNDS_OPENED = """
            INSERT INTO rounds (room_id, number, story_id, story_title, started_at)
            SELECT room_id, number, story_id, story_title, %s
            FROM unnest(?::text[], ?::int4[], ?::uuid[], ?::text[], ?::int8[])
                AS r(room_id, number, story_id, story_title, started_us)"""
            .formatted(AT.formatted("started_us"));
    private static final String ROUNDS_CLEARED = """
            DELETE FROM votes v USING unnest(?::text[], ?::int4[]) AS c(room_id, round_number)
            WHERE v.room_id = c.room_id AND v.round_number = c.round_number""";
    private static final String VOTES_WITHDRAWN = """
            DELETE FROM votes v USING unnest(?::text[], ?::int4[], ?::uuid[]) AS w(room_id, round_number, participant_id)
            WHERE v.room_id = w.room_id AND v.round_number = w.round_number AND v.participant_id = w.participant_id""";
    /** Each vote's last card: the cast time's expression, then an optional WHERE (the fenced statement's). */
    private static final String VOTES_CAST_WHERE = """
            INSERT INTO votes (room_id, round_number, participant_id, card_value, cast_at)
            SELECT room_id, round_number, participant_id, card_value, %s
            FROM unnest(?::text[], ?::int4[], ?::uuid[], ?::text[], ?::int8[])
                AS v(room_id, round_number, participant_id, card_value, cast_us)
            %s
            ON CONFLICT (room_id, round_number, participant_id)
            DO UPDATE SET card_value = EXCLUDED.card_value, cast_at = EXCLUDED.cast_at""";
    private static final String VOTES_CAST = VOTES_CAST_WHERE.formatted(AT.formatted("cast_us"), "");
    /** The fence and the votes in one statement: the votes of the rooms the fence let through. */
    private static final String FENCE_AND_CAST = "WITH fenced AS (" + FENCE + "),\ncast_votes AS ("
            + VOTES_CAST_WHERE.formatted(AT.formatted("cast_us"), "WHERE room_id IN (SELECT room_id FROM fenced)")
            + ")\nSELECT room_id FROM fenced";
    private static final String ROUNDS_REVEALED = """
            UPDATE rounds r SET revealed_at = %s, vote_count = s.vote_count, average = s.average::numeric,
                median = s.median::numeric, min_value = s.min_value::numeric, max_value = s.max_value::numeric,
                mode = s.mode, consensus = s.consensus
            FROM unnest(?::text[], ?::int4[], ?::int8[], ?::int4[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::bool[])
                AS s(room_id, number, revealed_us, vote_count, average, median, min_value, max_value, mode, consensus)
            WHERE r.room_id = s.room_id AND r.number = s.number""".formatted(AT.formatted("s.revealed_us"));
    private static final String HISTORY = """
            INSERT INTO round_history (room_id, number, story_id, story_title, started_at, revealed_at, vote_count,
                                       average, median, min_value, max_value, mode, consensus, votes)
            SELECT room_id, number, story_id, story_title, %s, %s, vote_count, average::numeric, median::numeric,
                   min_value::numeric, max_value::numeric, mode, consensus, votes::jsonb
            FROM unnest(?::text[], ?::int4[], ?::uuid[], ?::text[], ?::int8[], ?::int8[], ?::int4[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::bool[], ?::text[])
                AS h(room_id, number, story_id, story_title, started_us, revealed_us, vote_count, average, median,
                     min_value, max_value, mode, consensus, votes)""".formatted(AT.formatted("started_us"),
            AT.formatted("revealed_us"));
    private static final String STORIES_SAVED = """
            INSERT INTO stories (id, room_id, position, issue_key, title, link, description, estimate, estimated_at,
                                 created_at)
            SELECT id, room_id, position, issue_key, title, link, description, estimate,
                   CASE WHEN estimated_us IS NULL THEN NULL ELSE %s END, %s
            FROM unnest(?::uuid[], ?::text[], ?::int4[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int8[],
                        ?::int8[])
                AS s(id, room_id, position, issue_key, title, link, description, estimate, estimated_us, created_us)
            ON CONFLICT (id) DO UPDATE SET position = EXCLUDED.position, issue_key = EXCLUDED.issue_key,
                title = EXCLUDED.title, link = EXCLUDED.link, description = EXCLUDED.description,
                estimate = EXCLUDED.estimate, estimated_at = EXCLUDED.estimated_at"""
            .formatted(AT.formatted("estimated_us"), AT.formatted("created_us"));
    private static final String STORIES_DELETED = """
            DELETE FROM stories s USING unnest(?::uuid[]) AS d(id) WHERE s.id = d.id""";
    private static final String FLOWS = """
            UPDATE rooms r SET auto_reveal = f.auto_reveal,
                countdown_ends_at = CASE WHEN f.ends_us IS NULL THEN NULL ELSE %s END
            FROM unnest(?::text[], ?::bool[], ?::int8[]) AS f(room_id, auto_reveal, ends_us)
            WHERE r.id = f.room_id""".formatted(AT.formatted("f.ends_us"));
    private static final String INVITATIONS = """
            UPDATE rooms r SET invite_key = i.invite_key
            FROM unnest(?::text[], ?::text[]) AS i(room_id, invite_key)
            WHERE r.id = i.room_id""";
    private static final String AUDITS = """
            INSERT INTO audit_log (occurred_at, action, actor_id, room_id, subject_id, details)
            SELECT %s, action, actor_id, room_id, subject_id, details::jsonb
            FROM unnest(?::int8[], ?::text[], ?::uuid[], ?::text[], ?::uuid[], ?::text[])
                AS a(occurred_us, action, actor_id, room_id, subject_id, details)""".formatted(AT.formatted("occurred_us"));

    private final Connection connection;

    JournalStatements(Connection connection) {
        this.connection = connection;
    }

    private static final List<Column<RoomSteps>> FENCE_COLUMNS = List.of(column("text", RoomSteps::roomId),
            column("int8", RoomSteps::epoch), column("int8", RoomSteps::fromSeq), column("int8", RoomSteps::toSeq));
    private static final List<Column<VoteCast>> VOTE_COLUMNS = List.of(column("text", VoteCast::roomId),
            column("int4", VoteCast::roundNumber), column("uuid", VoteCast::participantId),
            column("text", VoteCast::cardValue), column("int8", (VoteCast vote) -> micros(vote.castAt())));

    /** Advances each room's seq where its epoch and last seq are the steps'; answers the rooms advanced. */
    Set<String> fence(List<RoomSteps> rooms) throws SQLException {
        try (PreparedStatement fence = connection.prepareStatement(FENCE)) {
            bind(fence, 1, rooms, FENCE_COLUMNS);
            return admitted(fence);
        }
    }

    /** The fence, and the cast votes of the rooms it advances, in one statement; answers the rooms advanced. */
    Set<String> fenceAndCastVotes(List<RoomSteps> rooms, List<VoteCast> votes) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(FENCE_AND_CAST)) {
            bind(statement, 1, rooms, FENCE_COLUMNS);
            bind(statement, 1 + FENCE_COLUMNS.size(), votes, VOTE_COLUMNS);
            return admitted(statement);
        }
    }

    private static Set<String> admitted(PreparedStatement fencing) throws SQLException {
        Set<String> admitted = new HashSet<>();
        try (ResultSet rows = fencing.executeQuery()) {
            while (rows.next()) {
                admitted.add(rows.getString(1));
            }
        }
        return admitted;
    }

    void write(JournalBatch batch) throws SQLException {
        update(SEATS, List.copyOf(batch.seats.values()), List.of(
                column("uuid", SeatSaved::id), column("text", SeatSaved::roomId), column("uuid", SeatSaved::userId),
                column("text", SeatSaved::displayName), column("text", (SeatSaved seat) -> seat.role().name()),
                column("bool", SeatSaved::host), column("bool", SeatSaved::seated), column("bool", SeatSaved::banned),
                column("int8", (SeatSaved seat) -> micros(seat.joinedAt()))));
        update(ROUNDS_OPENED, batch.opened, List.of(
                column("text", Round::roomId), column("int4", Round::number), column("uuid", Round::storyId),
                column("text", Round::storyTitle), column("int8", (Round round) -> micros(round.startedAt()))));
        update(ROUNDS_CLEARED, List.copyOf(batch.cleared), List.of(
                column("text", JournalBatch.RoundKey::roomId), column("int4", JournalBatch.RoundKey::number)));
        update(VOTES_WITHDRAWN, batch.withdrawnVotes(), List.of(
                column("text", JournalBatch.VoteKey::roomId), column("int4", JournalBatch.VoteKey::roundNumber),
                column("uuid", JournalBatch.VoteKey::participantId)));
        update(VOTES_CAST, batch.castVotes(), VOTE_COLUMNS);
        List<Column<RoundRecord>> statistics = List.of(
                column("int4", (RoundRecord r) -> stats(r).count()),
                column("text", (RoundRecord r) -> StatisticsColumns.text(stats(r).average())),
                column("text", (RoundRecord r) -> StatisticsColumns.text(stats(r).median())),
                column("text", (RoundRecord r) -> StatisticsColumns.text(stats(r).min())),
                column("text", (RoundRecord r) -> StatisticsColumns.text(stats(r).max())),
                column("text", (RoundRecord r) -> StatisticsColumns.mode(stats(r))),
                column("bool", (RoundRecord r) -> stats(r).consensus()));
        update(ROUNDS_REVEALED, batch.closed, concat(List.of(
                column("text", (RoundRecord r) -> r.round().roomId()),
                column("int4", (RoundRecord r) -> r.round().number()),
                column("int8", (RoundRecord r) -> micros(r.round().revealedAt()))), statistics, List.of()));
        update(HISTORY, batch.closed, concat(List.of(
                column("text", (RoundRecord r) -> r.round().roomId()),
                column("int4", (RoundRecord r) -> r.round().number()),
                column("uuid", (RoundRecord r) -> r.round().storyId()),
                column("text", (RoundRecord r) -> r.round().storyTitle()),
                column("int8", (RoundRecord r) -> micros(r.round().startedAt())),
                column("int8", (RoundRecord r) -> micros(r.round().revealedAt()))), statistics,
                List.of(column("text", (RoundRecord r) -> JsonColumns.votes(r.votes())))));
        update(STORIES_SAVED, List.copyOf(batch.stories.values()), List.of(
                column("uuid", (StorySaved saved) -> saved.story().id()), column("text", StorySaved::roomId),
                column("int4", StorySaved::position), column("text", (StorySaved saved) -> saved.story().key()),
                column("text", (StorySaved saved) -> saved.story().title()),
                column("text", (StorySaved saved) -> saved.story().link()),
                column("text", (StorySaved saved) -> saved.story().description()),
                column("text", (StorySaved saved) -> saved.story().estimate()),
                column("int8", (StorySaved saved) -> saved.story().estimatedAt() == null ? null
                        : micros(saved.story().estimatedAt())),
                column("int8", (StorySaved saved) -> micros(saved.story().createdAt()))));
        update(STORIES_DELETED, List.copyOf(batch.deletedStories), List.of(column("uuid", (UUID id) -> id)));
        update(FLOWS, List.copyOf(batch.flows.values()), List.of(column("text", FlowSaved::roomId),
                column("bool", (FlowSaved saved) -> saved.flow().autoReveal()),
                column("int8", (FlowSaved saved) -> saved.flow().countdownEndsAt() == null ? null
                        : micros(saved.flow().countdownEndsAt()))));
        update(INVITATIONS, List.copyOf(batch.invitations.values()), List.of(
                column("text", InvitationReplaced::roomId), column("text", InvitationReplaced::inviteKey)));
        update(AUDITS, batch.audits, List.of(
                column("int8", (AuditEntry audit) -> micros(audit.occurredAt())),
                column("text", (AuditEntry audit) -> audit.action().name()), column("uuid", AuditEntry::actorId),
                column("text", AuditEntry::roomId), column("uuid", AuditEntry::subjectId),
                column("text", (AuditEntry audit) -> JsonColumns.details(audit.details()))));
    }

    /** One column of a statement's rows: the SQL type of its array's elements, and each row's value. */
    private record Column<T>(String type, Function<T, ?> value) {
    }

    private static <T> Column<T> column(String type, Function<T, ?> value) {
        return new Column<>(type, value);
    }

    private static <T> List<Column<T>> concat(List<Column<T>> first, List<Column<T>> second, List<Column<T>> third) {
        List<Column<T>> all = new ArrayList<>(first);
        all.addAll(second);
        all.addAll(third);
        return all;
    }

    /** Runs the statement with one array per column, each made of the rows' values; nothing when there are no rows. */
    private <T> void update(String sql, List<T> rows, List<Column<T>> columns) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, 1, rows, columns);
            statement.executeUpdate();
        }
    }

    /** Binds one array per column, from parameter {@code first} on. */
    private <T> void bind(PreparedStatement statement, int first, List<T> rows, List<Column<T>> columns)
            throws SQLException {
        for (int i = 0; i < columns.size(); i++) {
            Column<T> column = columns.get(i);
            Object[] values = rows.stream().map(column.value()).toArray();
            Array array = connection.createArrayOf(column.type(), values);
            statement.setArray(first + i, array);
        }
    }

    private static RoundStatistics stats(RoundRecord record) {
        return record.round().stats();
    }

    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }
}
