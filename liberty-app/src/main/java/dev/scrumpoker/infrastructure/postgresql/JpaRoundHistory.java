package dev.scrumpoker.infrastructure.postgresql;

import dev.scrumpoker.domain.round.Round;
import dev.scrumpoker.domain.round.RoundHistory;
import dev.scrumpoker.domain.round.RoundRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/** Reads the session history in {@code round_history}, partitioned by the month of the reveal; the room journal writes it. */
@ApplicationScoped
@CircuitBreaker(failOn = PersistenceException.class)
@ClassifiesFailures
public class JpaRoundHistory implements RoundHistory {

    private static final String ROUND_COLUMNS = "room_id, number, story_title, started_at, revealed_at, "
            + StatisticsColumns.NAMES;

    @PersistenceContext(unitName = "scrumPoker")
    private EntityManager em;

    @Override
    public List<RoundRecord> newest(String roomId, Position after, int limit) {
        // Ordered by the partition key first, so the scan goes month by month from the newest and stops early.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + ROUND_COLUMNS + ", CAST(votes AS text), story_id"
                        + " FROM round_history WHERE room_id = ?1 AND (revealed_at, number) < (?2, ?3)"
                        + " ORDER BY revealed_at DESC, number DESC LIMIT ?4")
                .setParameter(1, roomId)
                .setParameter(2, SqlValues.timestamp(after == null ? SqlValues.END_OF_TIME : after.revealedAt()))
                .setParameter(3, after == null ? Integer.MAX_VALUE : after.number())
                .setParameter(4, limit)
                .getResultList();
        return rows.stream().map(JpaRoundHistory::record).toList();
    }

    @Override
    public Integer nthNewest(String roomId, int n) {
        // Bounded by the plan's history size (20), on the history index: not pagination.
        @SuppressWarnings("unchecked")
        List<Object> numbers = em.createNativeQuery("SELECT number FROM round_history WHERE room_id = ?1"
                        + " ORDER BY revealed_at DESC, number DESC OFFSET ?2 LIMIT 1")
                .setParameter(1, roomId)
                .setParameter(2, n - 1)
                .getResultList();
        return numbers.isEmpty() ? null : ((Number) numbers.get(0)).intValue();
    }

    private static RoundRecord record(Object[] row) {
        Round round = new Round((String) row[0], ((Number) row[1]).intValue(), (UUID) row[13], (String) row[2],
                SqlValues.instant(row[3]), SqlValues.instant(row[4]), StatisticsColumns.read(row, 5));
        return new RoundRecord(round, JsonColumns.votes((String) row[12]));
    }
}
