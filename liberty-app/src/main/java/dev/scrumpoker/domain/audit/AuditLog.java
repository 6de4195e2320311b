package dev.scrumpoker.domain.audit;

import java.time.Instant;
import java.util.List;

/** Where audited actions are kept (monthly partitions of {@code audit_log}). */
public interface AuditLog {

    void record(AuditEntry entry);

    /** A room's entries, newest first, strictly older than the position {@code (before, beforeId)} if given. */
    List<Recorded> ofRoom(String roomId, Instant before, Long beforeId, int limit);

    /** An entry as stored, with the id that orders entries of the same instant (and makes a cursor). */
    record Recorded(long id, AuditEntry entry) {
    }
}
