package dev.scrumpoker.interfaces.rest;

import dev.scrumpoker.application.limits.RateLimited;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request over a limit: 429 {@code RATE_LIMITED}, with {@code Retry-After} in seconds. */
@Provider
public class RateLimitedMapper implements ExceptionMapper<RateLimited> {

    @Override
    public Response toResponse(RateLimited limited) {
        return Errors.retryLater(429, "RATE_LIMITED", limited.getMessage(), limited.retryAfterSeconds());
    }
}
