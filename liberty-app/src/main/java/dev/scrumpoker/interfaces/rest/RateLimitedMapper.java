package dev.scrumpoker.interfaces.rest;

import dev.scrumpoker.application.limits.RateLimited;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request over a limit: 429 {@code RATE_LIMITED}, with {@code Retry-After} in seconds. */
@Provider
public class RateLimitedMapper implements ExceptionMapper<RateLimited> {

    @Override
    public Response toResponse(RateLimited limited) {
        return Response.status(429).header("Retry-After", limited.retryAfterSeconds())
                .type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody("RATE_LIMITED", limited.getMessage())).build();
    }
}
