package dev.scrumpoker.application;

import dev.scrumpoker.domain.shared.DomainException;
import dev.scrumpoker.domain.shared.Reason;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Tells a database failure caused by what a request carried (a value PostgreSQL cannot store or that breaks a
 * constraint) from the database being unwell. The first is the request's fault: it is answered like a rule's refusal
 * and must never count toward a circuit breaker that every user shares; the second is an outage.
 * <p>By SQLSTATE class: {@code 22} data exception (a NUL character, a number or time out of range), {@code 23}
 * integrity constraint violation ({@code 23505}, a unique key, is a conflict), {@code 54} program limit exceeded.
 */
public final class InputFaults {

    private InputFaults() {
    }

    /** The refusal to answer with, when the failure was the input's fault; empty when it was the database's. */
    public static Optional<DomainException> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return refusal(sql.getSQLState());
            }
        }
        return Optional.empty();
    }

    private static Optional<DomainException> refusal(String sqlState) {
        if (sqlState.equals("23505")) {
            return Optional.of(new DomainException(Reason.CONFLICT, "this conflicts with something that exists"));
        }
        if (sqlState.startsWith("22") || sqlState.startsWith("23") || sqlState.startsWith("54")) {
            return Optional.of(DomainException.invalid("a value in this request cannot be stored"));
        }
        return Optional.empty();
    }
}
