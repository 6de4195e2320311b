package dev.scrumpoker.domain.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One audited action. {@code actorId} is the user who acted, null when Stripe did (a tier change); {@code roomId}
 * the room it happened in, if any; {@code subjectId} the user or seat it was about (the kicked participant, the new
 * host, the upgraded user), if any; {@code details} a few facts worth keeping (round number, tiers).
 */
public record AuditEntry(Instant occurredAt, AuditAction action, UUID actorId, String roomId, UUID subjectId,
                         Map<String, String> details) {

    public AuditEntry {
        Objects.requireNonNull(occurredAt, "occurredAt is required");
        Objects.requireNonNull(action, "action is required");
        details = Map.copyOf(details);
    }
}
