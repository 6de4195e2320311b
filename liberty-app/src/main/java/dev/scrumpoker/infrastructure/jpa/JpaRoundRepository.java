package dev.scrumpoker.infrastructure.jpa;

import dev.scrumpoker.domain.round.Round;
import dev.scrumpoker.domain.round.RoundRepository;
import dev.scrumpoker.domain.round.RoundStatistics;
import dev.scrumpoker.domain.vote.RevealedVote;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

@ApplicationScoped
@CircuitBreaker(failOn = PersistenceException.class)
public class JpaRoundRepository implements RoundRepository {

    private static final String COLUMNS = "room_id, number, story_title, started_at, revealed_at, vote_count, average,"
            + " median, min_value, max_value, mode, consensus";
    private static final String MODE_SEPARATOR = " ";

    @PersistenceContext(unitName = "scrumPoker")
    private EntityManager em;

    @Override
    public void start(Round round) {
        em.createNativeQuery("INSERT INTO rounds (room_id, number, story_title, started_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, round.roomId())
                .setParameter(2, round.number())
                .setParameter(3, round.storyTitle())
                .setParameter(4, SqlValues.timestamp(round.startedAt()))
                .executeUpdate();
    }

    @Override
    public Optional<Round> latest(String roomId) {
        return rounds("SELECT " + COLUMNS + " FROM rounds WHERE room_id = ?1 ORDER BY number DESC LIMIT 1",
                roomId, null).stream().findFirst();
    }

    @Override
    public void markRevealed(String roomId, int number, Instant revealedAt, RoundStatistics stats) {
        // Casts give typed NULLs when a round has no numeric vote.
        em.createNativeQuery("""
                        UPDATE rounds SET revealed_at = ?3, vote_count = ?4, average = CAST(?5 AS numeric),
                            median = CAST(?6 AS numeric), min_value = CAST(?7 AS numeric), max_value = CAST(?8 AS numeric),
                            mode = CAST(?9 AS text), consensus = CAST(?10 AS boolean)
                        WHERE room_id = ?1 AND number = ?2""")
                .setParameter(1, roomId)
                .setParameter(2, number)
                .setParameter(3, SqlValues.timestamp(revealedAt))
                .setParameter(4, stats.count())
                .setParameter(5, text(stats.average()))
                .setParameter(6, text(stats.median()))
                .setParameter(7, text(stats.min()))
                .setParameter(8, text(stats.max()))
                .setParameter(9, stats.mode() == null ? null
                        : stats.mode().stream().map(BigDecimal::toPlainString).collect(Collectors.joining(MODE_SEPARATOR)))
                .setParameter(10, stats.consensus() == null ? null : stats.consensus().toString())
                .executeUpdate();
    }

    @Override
    public List<Round> revealed(String roomId, Integer beforeNumber, int limit) {
        return rounds("SELECT " + COLUMNS + " FROM rounds WHERE room_id = ?1 AND revealed_at IS NOT NULL"
                + " AND number < ?2 ORDER BY number DESC LIMIT " + limit, roomId,
                beforeNumber == null ? Integer.MAX_VALUE : beforeNumber);
    }

    @Override
    public Integer nthNewestRevealed(String roomId, int n) {
        // Bounded by the plan's history size (20), on the history index: not pagination.
        @SuppressWarnings("unchecked")
        List<Object> numbers = em.createNativeQuery("""
                        SELECT number FROM rounds WHERE room_id = ?1 AND revealed_at IS NOT NULL
                        ORDER BY number DESC OFFSET ?2 LIMIT 1""")
                .setParameter(1, roomId)
                .setParameter(2, n - 1)
                .getResultList();
        return numbers.isEmpty() ? null : ((Number) numbers.get(0)).intValue();
    }

    @Override
    public Map<Integer, List<RevealedVote>> votesOf(String roomId, List<Integer> roundNumbers) {
        Map<Integer, List<RevealedVote>> byRound = new LinkedHashMap<>();
        if (roundNumbers.isEmpty()) {
            return byRound;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT v.round_number, v.participant_id, p.display_name, v.card_value
                        FROM votes v JOIN participants p ON p.id = v.participant_id
                        WHERE v.room_id = ?1 AND v.round_number = ANY (CAST(?2 AS integer[]))
                        ORDER BY v.round_number DESC, v.cast_at""")
                .setParameter(1, roomId)
                .setParameter(2, roundNumbers.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
                .getResultList();
        for (Object[] row : rows) {
            byRound.computeIfAbsent(((Number) row[0]).intValue(), n -> new ArrayList<>())
                    .add(new RevealedVote(SqlValues.uuid(row[1]), (String) row[2], (String) row[3]));
        }
        return byRound;
    }

    private List<Round> rounds(String sql, String roomId, Integer number) {
        var query = em.createNativeQuery(sql).setParameter(1, roomId);
        if (number != null) {
            query.setParameter(2, number);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(JpaRoundRepository::round).toList();
    }

    private static Round round(Object[] row) {
        Instant revealedAt = SqlValues.instant(row[4]);
        RoundStatistics stats = revealedAt == null ? null : new RoundStatistics(((Number) row[5]).intValue(),
                decimal(row[6]), decimal(row[7]), decimal(row[8]), decimal(row[9]), modes((String) row[10]),
                (Boolean) row[11]);
        return new Round((String) row[0], ((Number) row[1]).intValue(), (String) row[2], SqlValues.instant(row[3]),
                revealedAt, stats);
    }

    private static List<BigDecimal> modes(String column) {
        return column == null ? null : Arrays.stream(column.split(MODE_SEPARATOR)).map(BigDecimal::new).toList();
    }

    private static BigDecimal decimal(Object column) {
        return column == null ? null : new BigDecimal(column.toString());
    }

    private static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
