package dev.scrumpoker.infrastructure.jpa;

import dev.scrumpoker.domain.audit.AuditAction;
import dev.scrumpoker.domain.audit.AuditEntry;
import dev.scrumpoker.domain.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

@ApplicationScoped
@CircuitBreaker(failOn = PersistenceException.class)
public class JpaAuditLog implements AuditLog {

    @PersistenceContext(unitName = "scrumPoker")
    private EntityManager em;

    @Override
    public void record(AuditEntry entry) {
        JsonObjectBuilder details = Json.createObjectBuilder();
        entry.details().forEach(details::add);
        em.createNativeQuery("""
                        INSERT INTO audit_log (occurred_at, action, actor_id, room_id, subject_id, details)
                        VALUES (?1, ?2, CAST(?3 AS uuid), ?4, CAST(?5 AS uuid), CAST(?6 AS jsonb))""")
                .setParameter(1, SqlValues.timestamp(entry.occurredAt()))
                .setParameter(2, entry.action().name())
                .setParameter(3, SqlValues.text(entry.actorId()))
                .setParameter(4, entry.roomId())
                .setParameter(5, SqlValues.text(entry.subjectId()))
                .setParameter(6, details.build().toString())
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
                details((String) row[6])));
    }

    private static Map<String, String> details(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            Map<String, String> details = new LinkedHashMap<>();
            object.forEach((key, value) -> details.put(key, ((JsonString) value).getString()));
            return details;
        }
    }
}
