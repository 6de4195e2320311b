package dev.scrumpoker.domain.shared;

import java.util.Objects;

/**
 * A rule of the domain refused a request. The {@link Reason} tells the edge which contract code to answer with;
 * the message is meant for the person who sent the request.
 */
public class DomainException extends RuntimeException {

    private final Reason reason;

    public DomainException(Reason reason, String message) {
        super(Objects.requireNonNull(message, "message is required"));
        this.reason = Objects.requireNonNull(reason, "reason is required");
    }

    public Reason reason() {
        return reason;
    }

    public static DomainException invalid(String message) {
        return new DomainException(Reason.VALIDATION_FAILED, message);
    }

    public static DomainException notFound(String message) {
        return new DomainException(Reason.NOT_FOUND, message);
    }

    public static DomainException forbidden(String message) {
        return new DomainException(Reason.FORBIDDEN, message);
    }
}
