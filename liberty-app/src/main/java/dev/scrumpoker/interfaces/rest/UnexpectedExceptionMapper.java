package dev.scrumpoker.interfaces.rest;

import dev.scrumpoker.application.InputFaults;
import dev.scrumpoker.domain.shared.DomainException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * The last line: a JSON body that binding rejects is the client's fault (400), and so is a value PostgreSQL refuses
 * ({@link InputFaults}); PostgreSQL being away (or its circuit breaker open) is answered 503 with a one-line warning; anything else is ours, logged once with its stack and
 * answered 503 without internals.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    private final DomainExceptionMapper refusals = new DomainExceptionMapper();

    @Override
    public Response toResponse(RuntimeException failure) {
        if (failure instanceof JsonbException || failure.getCause() instanceof JsonbException) {
            return Errors.response(400, "VALIDATION_FAILED", "the request body is not valid JSON of the expected shape");
        }
        Optional<DomainException> refusal = InputFaults.of(failure);
        if (refusal.isPresent()) {
            // A value PostgreSQL refused at commit (a unique key two requests raced for, a character it cannot store).
            LOG.info(() -> "Refused a REST call whose input the database could not take: " + refusal.get().getMessage());
            return refusals.toResponse(refusal.get());
        }
        if (isDatabaseOutage(failure)) {
            LOG.warning("A REST call failed because the database is unavailable: " + failure);
            return Errors.unavailable("the database is unavailable; retry shortly");
        }
        LOG.log(Level.SEVERE, "Unexpected failure of a REST call", failure);
        return Errors.unavailable("the server could not complete the request; retry shortly");
    }

    private static boolean isDatabaseOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PersistenceException || cause instanceof FaultToleranceException) {
                return true;
            }
        }
        return false;
    }
}
