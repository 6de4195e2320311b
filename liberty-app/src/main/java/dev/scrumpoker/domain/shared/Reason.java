package dev.scrumpoker.domain.shared;

/** Why a domain rule refused a request, named after the codes of the public contract. */
public enum Reason {
    VALIDATION_FAILED,
    UNAUTHORIZED,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    INVALID_CARD,
    ROUND_REVEALED,
    NOT_JOINED,
    /** A dependency (PostgreSQL, Redis) failed; the request changed nothing and may be retried. */
    UNAVAILABLE
}
