package dev.scrumpoker.infrastructure.postgresql;

import dev.scrumpoker.domain.vote.VoteRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

@ApplicationScoped
@CircuitBreaker(failOn = PersistenceException.class)
@ClassifiesFailures
public class JpaVoteRepository implements VoteRepository {

    @PersistenceContext(unitName = "scrumPoker")
    private EntityManager em;

    @Override
    public Map<UUID, String> cardsOf(String roomId, int roundNumber) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT participant_id, card_value FROM votes
                        WHERE room_id = ?1 AND round_number = ?2 ORDER BY cast_at""")
                .setParameter(1, roomId)
                .setParameter(2, roundNumber)
                .getResultList();
        Map<UUID, String> cards = new LinkedHashMap<>();
        rows.forEach(row -> cards.put(SqlValues.uuid(row[0]), (String) row[1]));
        return cards;
    }
}
