package dev.scrumpoker.interfaces.websocket;

/**
 * Limits how fast one connection may send: a token bucket of {@value #BURST} messages refilled at {@value #RATE}
 * per second. A message over the limit is refused ({@code RATE_LIMITED}); a connection that keeps sending over
 * the limit ({@value #STRIKES_TO_CLOSE} refusals before it calms down to half a bucket) is flooding and is closed.
 *
 * <p>Used by one connection, whose messages the container delivers one at a time.
 */
final class FloodGuard {

    static final double RATE = 20;
    static final double BURST = 40;
    static final int STRIKES_TO_CLOSE = 20;

    enum Verdict { ACCEPT, REFUSE, CLOSE }

    private double tokens = BURST;
    private long lastNanos;
    private int strikes;

    FloodGuard(long nowNanos) {
        this.lastNanos = nowNanos;
    }

    Verdict admit(long nowNanos) {
        tokens = Math.min(BURST, tokens + (nowNanos - lastNanos) / 1e9 * RATE);
        lastNanos = nowNanos;
        if (tokens >= BURST / 2) {
            strikes = 0;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return Verdict.ACCEPT;
        }
        return ++strikes >= STRIKES_TO_CLOSE ? Verdict.CLOSE : Verdict.REFUSE;
    }
}
