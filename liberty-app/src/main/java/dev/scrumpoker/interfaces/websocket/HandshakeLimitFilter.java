package dev.scrumpoker.interfaces.websocket;

import dev.scrumpoker.application.limits.RateLimited;
import dev.scrumpoker.application.limits.ServiceLimits;
import dev.scrumpoker.interfaces.rest.FilterErrors;
import dev.scrumpoker.interfaces.web.ClientAddress;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Counts WebSocket handshakes per client address (shared by the nodes) and answers those over the limit with a plain
 * HTTP 429 {@code RATE_LIMITED} and {@code Retry-After}, before the upgrade, the token check or any room is touched.
 */
@WebFilter(urlPatterns = "/ws/*", asyncSupported = true)
public class HandshakeLimitFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ServiceLimits limits;
    @Inject
    transient ClientAddress clientAddress;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            limits.handshake(clientAddress.of(request));
        } catch (RateLimited refused) {
            response.setHeader("Retry-After", Long.toString(refused.retryAfterSeconds()));
            FilterErrors.write(response, 429, "RATE_LIMITED", refused.getMessage());
            return;
        }
        chain.doFilter(request, response);
    }
}
