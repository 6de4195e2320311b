package dev.scrumpoker.domain.audit;

/** The room and account actions the audit log records. */
public enum AuditAction {
    ROOM_CREATED,
    ROOM_DELETED,
    ROUND_REVEALED,
    ROUND_RESET,
    PARTICIPANT_KICKED,
    PARTICIPANT_UNBANNED,
    HOST_CHANGED,
    INVITATION_ROTATED,
    TIER_CHANGED
}
