package dev.scrumpoker.interfaces.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Request bodies of the REST API are small: 64 KiB at most (Stripe's webhook events 512 KiB). A declared length
 * over that is answered 413 {@code PAYLOAD_TOO_LARGE} before a byte is read; a body sent without a length stops
 * being read at the limit (and is refused as unreadable). Before this, a 4 MiB password was read, bound and
 * hashed-against before its refusal, and 200,000 cards were bound before theirs.
 */
@WebFilter(urlPatterns = "/api/*")
public class BodySizeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final long MAX_BODY = 64 * 1024;
    static final long MAX_WEBHOOK_BODY = 512 * 1024;
    private static final String WEBHOOK = "/api/v1/subscriptions/webhook";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long limit = WEBHOOK.equals(request.getRequestURI()) ? MAX_WEBHOOK_BODY : MAX_BODY;
        if (request.getContentLengthLong() > limit) {
            FilterErrors.write(response, 413, "PAYLOAD_TOO_LARGE",
                    "request bodies are at most " + limit / 1024 + " KiB");
            return;
        }
        chain.doFilter(request.getContentLengthLong() >= 0 ? request : new Bounded(request, limit), response);
    }

    /** A request whose body, of undeclared length, ends in an error once it passes the limit. */
    private static final class Bounded extends HttpServletRequestWrapper {

        private final long limit;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream body = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = body.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = body.read(buffer, offset, length);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }

                private void count(int n) throws IOException {
                    read += n;
                    if (read > limit) {
                        throw new IOException("request body over " + limit + " bytes");
                    }
                }

                @Override
                public boolean isFinished() {
                    return body.isFinished();
                }

                @Override
                public boolean isReady() {
                    return body.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    body.setReadListener(listener);
                }
            };
        }
    }
}
