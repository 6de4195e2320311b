package dev.scrumpoker.infrastructure.jpa;

import dev.scrumpoker.domain.vote.VoteRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

@ApplicationScoped
@CircuitBreaker(failOn = PersistenceException.class)
public class JpaVoteRepository implements VoteRepository {

    @PersistenceContext(unitName = "scrumPoker")
    private EntityManager em;

    @Override
    public void record(String roomId, int roundNumber, UUID participantId, String cardValue, Instant castAt) {
        em.createNativeQuery("""
                        INSERT INTO votes (room_id, round_number, participant_id, card_value, cast_at)
                        VALUES (?1, ?2, CAST(?3 AS uuid), ?4, ?5)
                        ON CONFLICT (room_id, round_number, participant_id)
                        DO UPDATE SET card_value = EXCLUDED.card_value, cast_at = EXCLUDED.cast_at""")
                .setParameter(1, roomId)
                .setParameter(2, roundNumber)
                .setParameter(3, SqlValues.text(participantId))
                .setParameter(4, cardValue)
                .setParameter(5, SqlValues.timestamp(castAt))
                .executeUpdate();
    }

    @Override
    public void retract(String roomId, int roundNumber, UUID participantId) {
        em.createNativeQuery("DELETE FROM votes WHERE room_id = ?1 AND round_number = ?2 AND participant_id = CAST(?3 AS uuid)")
                .setParameter(1, roomId)
                .setParameter(2, roundNumber)
                .setParameter(3, SqlValues.text(participantId))
                .executeUpdate();
    }

    @Override
    public void clear(String roomId, int roundNumber) {
        em.createNativeQuery("DELETE FROM votes WHERE room_id = ?1 AND round_number = ?2")
                .setParameter(1, roomId)
                .setParameter(2, roundNumber)
                .executeUpdate();
    }

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
