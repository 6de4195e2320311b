package dev.scrumpoker.interfaces.rest;

import dev.scrumpoker.interfaces.representation.JsonFormat;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The contract's error answer written by a servlet filter, which refuses a request before JAX-RS (and its exception
 * mappers) sees it: the same {@link ErrorBody} as every other error.
 */
public final class FilterErrors {

    private FilterErrors() {
    }

    public static void write(HttpServletResponse response, int status, String code, String message)
            throws IOException {
        byte[] body = JsonFormat.jsonb().toJson(new ErrorBody(code, message)).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
