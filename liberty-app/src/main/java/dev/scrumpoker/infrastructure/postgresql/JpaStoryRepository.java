package dev.scrumpoker.infrastructure.postgresql;

import dev.scrumpoker.domain.backlog.Story;
import dev.scrumpoker.domain.backlog.StoryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/** Reads {@code stories}, and which rounds of {@code round_history} estimated each. */
@ApplicationScoped
@CircuitBreaker(failOn = PersistenceException.class)
@ClassifiesFailures
public class JpaStoryRepository implements StoryRepository {

    @PersistenceContext(unitName = "scrumPoker")
    private EntityManager em;

    @Override
    public List<Story> ofRoom(String roomId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, issue_key, title, link, description, estimate,"
                        + " estimated_at, created_at FROM stories WHERE room_id = ?1 ORDER BY position, created_at")
                .setParameter(1, roomId)
                .getResultList();
        return rows.stream().map(row -> new Story((UUID) row[0], (String) row[1], (String) row[2], (String) row[3],
                (String) row[4], (String) row[5], SqlValues.instant(row[6]), SqlValues.instant(row[7]))).toList();
    }

    @Override
    public Map<UUID, List<Integer>> revealedRounds(String roomId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT story_id, number FROM round_history"
                        + " WHERE room_id = ?1 AND story_id IS NOT NULL ORDER BY number")
                .setParameter(1, roomId)
                .getResultList();
        Map<UUID, List<Integer>> rounds = new LinkedHashMap<>();
        for (Object[] row : rows) {
            rounds.computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add(((Number) row[1]).intValue());
        }
        return rounds;
    }
}
