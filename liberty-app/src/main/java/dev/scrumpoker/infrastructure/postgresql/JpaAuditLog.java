package dev.scrumpoker.infrastructure.postgresql;

import dev.scrumpoker.domain.audit.AuditAction;
import dev.scrumpoker.domain.audit.AuditEntry;
import dev.scrumpoker.domain.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

@ApplicationScoped
@CircuitBreaker(failOn = PersistenceException.class)
@ClassifiesFailures
public class JpaAuditLog implements AuditLog {

    @PersistenceContext(unitName = "scrumPoker")
    private EntityManager em;

    @Override
    public void record(AuditEntry entry) {
        em.createNativeQuery("""
                        INSERT INTO audit_log (occurred_at, action, actor_id, room_id, subject_id, details)
                        VALUES (?1, ?2, CAST(?3 AS uuid), ?4, CAST(?5 AS uuid), CAST(?6 AS jsonb))""")
                .setParameter(1, SqlValues.timestamp(entry.occurredAt()))
                .setParameter(2, entry.action().name())
                .setParameter(3, SqlValues.text(entry.actorId()))
                .setParameter(4, entry.roomId())
                .setParameter(5, SqlValues.text(entry.subjectId()))
                .setParameter(6, JsonColumns.details(entry.details()))
                .executeUpdate();
    }

    @Override
    public List<Recorded> ofRoom(String roomId, Instant before, Long beforeId, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, occurred_at, action, actor_id, room_id, subject_id, CAST(details AS text)
                        FROM audit_log
                        WHERE room_id = ?1 AND (occurred_at, id) < (?2, ?3)
                        ORDER BY occurred_at DESC, id DESC LIMIT ?4""")
                .setParameter(1, roomId)
                .setParameter(2, SqlValues.timestamp(before == null ? SqlValues.END_OF_TIME : before))
                .setParameter(3, beforeId == null ? Long.MAX_VALUE : beforeId)
                .setParameter(4, limit)
                .getResultList();
        return rows.stream().map(JpaAuditLog::recorded).toList();
    }

    private static Recorded recorded(Object[] row) {
        return new Recorded(((Number) row[0]).longValue(), new AuditEntry(SqlValues.instant(row[1]),
                AuditAction.valueOf((String) row[2]), SqlValues.uuid(row[3]), (String) row[4], SqlValues.uuid(row[5]),
                JsonColumns.details((String) row[6])));
    }
}
