package dev.scrumpoker.interfaces.rest;

import dev.scrumpoker.domain.shared.DomainException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A refused request becomes the contract's error answer. */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    @Override
    public Response toResponse(DomainException refused) {
        return switch (refused.reason()) {
            case VALIDATION_FAILED, INVALID_CARD, ROUND_REVEALED, NOT_JOINED -> error(400, "VALIDATION_FAILED", refused);
            case UNAUTHORIZED -> error(401, "UNAUTHORIZED", refused);
            case FORBIDDEN -> error(403, "FORBIDDEN", refused);
            case NOT_FOUND -> error(404, "NOT_FOUND", refused);
            case CONFLICT -> error(409, "CONFLICT", refused);
            case UNAVAILABLE -> Errors.unavailable(refused.getMessage());
        };
    }

    private static Response error(int status, String code, DomainException refused) {
        return Errors.response(status, code, refused.getMessage());
    }
}
