package dev.scrumpoker.interfaces.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds error answers in the contract's shape. */
final class Errors {

    private Errors() {
    }

    /** Seconds a client should wait before retrying after a 503. */
    static final int RETRY_AFTER_SECONDS = 5;

    static Response response(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody(code, message)).build();
    }

    static Response unavailable(String message) {
        return retryLater(503, "UNAVAILABLE", message, RETRY_AFTER_SECONDS);
    }

    /** An answer that says, in {@code Retry-After}, how many seconds to wait before trying again. */
    static Response retryLater(int status, String code, String message, long retryAfterSeconds) {
        return Response.status(status).header("Retry-After", retryAfterSeconds).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(code, message)).build();
    }
}
