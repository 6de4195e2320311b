package dev.scrumpoker.infrastructure.postgresql;

import dev.scrumpoker.domain.room.Participant;
import dev.scrumpoker.domain.room.ParticipantRepository;
import dev.scrumpoker.domain.room.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

@ApplicationScoped
@CircuitBreaker(failOn = PersistenceException.class)
@ClassifiesFailures
public class JpaParticipantRepository implements ParticipantRepository {

    @PersistenceContext(unitName = "scrumPoker")
    private EntityManager em;

    @Override
    public List<Participant> ofRoom(String roomId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, room_id, user_id, display_name, role, host, seated, banned, joined_at
                        FROM participants WHERE room_id = ?1 ORDER BY joined_at, id""")
                .setParameter(1, roomId)
                .getResultList();
        return rows.stream().map(row -> new Participant(SqlValues.uuid(row[0]), (String) row[1], SqlValues.uuid(row[2]),
                (String) row[3], Role.valueOf((String) row[4]), (Boolean) row[5], (Boolean) row[6], (Boolean) row[7],
                SqlValues.instant(row[8]))).toList();
    }
}
