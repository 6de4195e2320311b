package dev.scrumpoker.interfaces.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * What JAX-RS itself refuses (unknown path, wrong method, unreadable JSON body, wrong media type) also answers in
 * the contract's error shape rather than the container's HTML.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException failure) {
        int status = failure.getResponse().getStatus();
        String code = switch (status) {
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 409 -> "CONFLICT";
            case 429 -> "RATE_LIMITED";
            default -> status >= 500 ? "UNAVAILABLE" : "VALIDATION_FAILED";
        };
        String message = switch (status) {
            case 400 -> "the request body is not valid JSON of the expected shape";
            case 404 -> "no such resource";
            case 405 -> "method not allowed here";
            case 406 -> "only application/json is served here";
            case 415 -> "send the body as application/json";
            default -> failure.getResponse().getStatusInfo().getReasonPhrase();
        };
        return Errors.response(status, code, message);
    }
}
