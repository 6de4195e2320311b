package dev.scrumpoker.infrastructure.postgresql;

import dev.scrumpoker.domain.room.Room;
import dev.scrumpoker.domain.room.RoomRepository;
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
public class JpaRoomRepository implements RoomRepository {

    @PersistenceContext(unitName = "scrumPoker")
    private EntityManager em;

    @Override
    public void add(Room room) {
        em.persist(room);
    }

    @Override
    public Optional<Room> find(String id) {
        return Optional.ofNullable(em.find(Room.class, id));
    }

    @Override
    public long countOpenOwnedBy(UUID ownerId) {
        return em.createQuery("SELECT COUNT(r) FROM Room r WHERE r.ownerId = :owner AND r.deletedAt IS NULL", Long.class)
                .setParameter("owner", ownerId)
                .getSingleResult();
    }

    @Override
    public List<Room> ownedBy(UUID ownerId, Instant afterCreatedAt, String afterId, int limit) {
        // Row-value comparison keeps the keyset condition on the index (owner_id, created_at DESC, id DESC).
        String keyset = afterCreatedAt == null ? "" : " AND (created_at, id) < (?2, ?3)";
        var query = em.createNativeQuery("SELECT * FROM rooms WHERE owner_id = CAST(?1 AS uuid) AND deleted_at IS NULL"
                        + keyset + " ORDER BY created_at DESC, id DESC LIMIT ?4", Room.class)
                .setParameter(1, SqlValues.text(ownerId))
                .setParameter(4, limit);
        if (afterCreatedAt != null) {
            query.setParameter(2, SqlValues.timestamp(afterCreatedAt)).setParameter(3, afterId);
        }
        @SuppressWarnings("unchecked")
        List<Room> rooms = query.getResultList();
        return rooms;
    }
}
