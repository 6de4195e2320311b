package dev.scrumpoker.infrastructure.postgresql;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Conversions between Java values and what native queries bind and return through EclipseLink and pgJDBC. */
final class SqlValues {

    /** A keyset bound later than any row: "from the newest" for queries that page backwards in time. */
    static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

    private SqlValues() {
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(Object column) {
        if (column == null) {
            return null;
        }
        if (column instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (column instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return (Instant) column;
    }

    /** UUIDs are bound as text and cast in SQL, so no driver or platform mapping can get them wrong. */
    static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    static UUID uuid(Object column) {
        if (column == null) {
            return null;
        }
        return column instanceof UUID id ? id : UUID.fromString(column.toString());
    }
}
