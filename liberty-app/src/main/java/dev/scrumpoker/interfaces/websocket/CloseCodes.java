package dev.scrumpoker.interfaces.websocket;

import jakarta.websocket.CloseReason;
import java.nio.charset.StandardCharsets;

/** The close codes of the contract, plus the standard ones this server uses. */
final class CloseCodes {

    static final int UNAUTHORIZED = 4401;
    static final int FORBIDDEN = 4403;
    static final int NOT_FOUND = 4404;
    static final int JOIN_TIMEOUT = 4008;
    static final int FLOODING = 4429;
    /** Standard: a message over the 16 KiB limit. */
    static final int TOO_BIG = 1009;
    /** Standard: the client did not read what it was sent fast enough. */
    static final int TRY_AGAIN_LATER = 1013;
    /** Standard: a dependency is down; the client may reconnect. */
    static final int UNAVAILABLE = 1011;
    static final int NORMAL = 1000;
    private static final int MAX_PHRASE_BYTES = 123;

    private CloseCodes() {
    }

    /** The standard allows 123 bytes of reason phrase; longer ones are cut. */
    static CloseReason reason(int code, String phrase) {
        String cut = phrase;
        while (cut.getBytes(StandardCharsets.UTF_8).length > MAX_PHRASE_BYTES) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return new CloseReason(CloseReason.CloseCodes.getCloseCode(code), cut);
    }
}
