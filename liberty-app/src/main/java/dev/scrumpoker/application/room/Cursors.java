package dev.scrumpoker.application.room;

import dev.scrumpoker.domain.room.RoomCode;
import dev.scrumpoker.domain.round.RoundHistory;
import dev.scrumpoker.domain.shared.DomainException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Opaque page cursors. A cursor names the last item of the previous page (keyset pagination), so pages stay
 * correct while rows are added and no query ever skips rows with OFFSET.
 */
final class Cursors {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    /** 9999-12-31T23:59:59.999999Z in microseconds since the epoch. */
    private static final long LATEST_MICROS = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond() * 1_000_000L
            + 999_999;

    private Cursors() {
    }

    record RoomPosition(Instant createdAt, String id) {
    }

    static String room(Instant createdAt, String id) {
        return position("r", createdAt, id);
    }

    static RoomPosition room(String cursor) {
        Keyed position = position(cursor, "r");
        if (!RoomCode.isWellFormed(position.key())) {
            throw invalid();
        }
        return new RoomPosition(position.at(), position.key());
    }

    static String round(RoundHistory.Position position) {
        return position("h", position.revealedAt(), position.number());
    }

    static RoundHistory.Position round(String cursor) {
        Keyed position = position(cursor, "h");
        long number = parseLong(position.key());
        if (number < 1 || number > Integer.MAX_VALUE) {
            throw invalid();
        }
        return new RoundHistory.Position(position.at(), (int) number);
    }

    record AuditPosition(Instant occurredAt, long id) {
    }

    static String audit(Instant occurredAt, long id) {
        return position("a", occurredAt, id);
    }

    static AuditPosition audit(String cursor) {
        Keyed position = position(cursor, "a");
        return new AuditPosition(position.at(), parseLong(position.key()));
    }

    /** Every keyset cursor is "kind:microseconds since the epoch:key", encoded; the kind keeps cursors apart. */
    private record Keyed(Instant at, String key) {
    }

    private static String position(String kind, Instant at, Object key) {
        return encode(kind + ":" + ChronoUnit.MICROS.between(Instant.EPOCH, at) + ":" + key);
    }

    private static Keyed position(String cursor, String kind) {
        String[] parts = decode(cursor).split(":");
        if (parts.length != 3 || !kind.equals(parts[0])) {
            throw invalid();
        }
        long micros = parseLong(parts[1]);
        // Every cursor given out is after 1970 and before 10000; anything else is made up (and a time PostgreSQL
        // cannot store would fail in the database, where it must never count as the database failing).
        if (micros < 0 || micros > LATEST_MICROS) {
            throw invalid();
        }
        return new Keyed(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), parts[2]);
    }

    /** Page sizes: 20 unless asked, 1–100. */
    static int limit(Integer requested) {
        if (requested == null) {
            return 20;
        }
        if (requested < 1 || requested > 100) {
            throw DomainException.invalid("limit must be 1–100");
        }
        return requested;
    }

    private static String encode(String plain) {
        return ENCODER.encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        if (cursor.length() > 200) {
            throw invalid();
        }
        try {
            return new String(DECODER.decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw invalid();
        }
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException notANumber) {
            throw invalid();
        }
    }

    private static DomainException invalid() {
        return DomainException.invalid("cursor is not one this API gave out");
    }
}
