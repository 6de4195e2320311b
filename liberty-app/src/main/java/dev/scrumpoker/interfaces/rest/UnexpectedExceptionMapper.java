package dev.scrumpoker.interfaces.rest;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last line: a JSON body that binding rejects is the client's fault (400); anything else is ours, logged
 * once with its stack and answered 503 without internals.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(RuntimeException failure) {
        if (failure instanceof JsonbException || failure.getCause() instanceof JsonbException) {
            return Errors.response(400, "VALIDATION_FAILED", "the request body is not valid JSON of the expected shape");
        }
        LOG.log(Level.SEVERE, "Unexpected failure of a REST call", failure);
        return Errors.response(503, "UNAVAILABLE", "the server could not complete the request; retry shortly");
    }
}
