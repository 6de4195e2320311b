package dev.scrumpoker.interfaces.rest;

import dev.scrumpoker.application.Unavailable;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A dependency that could not do its part: 503 with {@code Retry-After}; the adapter that threw has logged it. */
@Provider
public class UnavailableMapper implements ExceptionMapper<Unavailable> {

    @Override
    public Response toResponse(Unavailable unavailable) {
        return Errors.unavailable(unavailable.getMessage());
    }
}
