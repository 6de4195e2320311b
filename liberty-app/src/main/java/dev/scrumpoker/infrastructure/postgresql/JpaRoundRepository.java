package dev.scrumpoker.infrastructure.postgresql;

import dev.scrumpoker.domain.round.Round;
import dev.scrumpoker.domain.round.RoundRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

@ApplicationScoped
@CircuitBreaker(failOn = PersistenceException.class)
@ClassifiesFailures
public class JpaRoundRepository implements RoundRepository {

    private static final String COLUMNS = "room_id, number, story_title, started_at, revealed_at, "
            + StatisticsColumns.NAMES;

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
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS
                        + ", story_id FROM rounds WHERE room_id = ?1 ORDER BY number DESC LIMIT 1")
                .setParameter(1, roomId)
                .getResultList();
        return rows.stream().findFirst().map(JpaRoundRepository::round);
    }

    private static Round round(Object[] row) {
        Instant revealedAt = SqlValues.instant(row[4]);
        return new Round((String) row[0], ((Number) row[1]).intValue(), (UUID) row[12], (String) row[2],
                SqlValues.instant(row[3]),
                revealedAt, revealedAt == null ? null : StatisticsColumns.read(row, 5));
    }
}
