package dev.scrumpoker.interfaces.websocket;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * WebSocket handshakes make no HTTP session. Liberty's handshake asks for the request's session unconditionally, so
 * each connection would create one (a session id, a cookie, an entry kept for the session timeout): a tenth of the
 * server's CPU in a reconnection storm's profile and 5,000 idle sessions after it. Rooms authenticate by token and
 * keep nothing in a session, so the handshake sees only a session that already exists.
 */
@WebFilter(urlPatterns = "/ws/*", asyncSupported = true)
public class HandshakeWithoutSessionFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public HttpSession getSession() {
                return getSession(false);
            }

            @Override
            public HttpSession getSession(boolean create) {
                return super.getSession(false);
            }
        }, response);
    }
}
