package dev.scrumpoker.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The one clock of the application. */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return new MicrosecondClock();
    }

    /**
     * UTC, with instants cut to microseconds: the precision PostgreSQL stores, so a cursor made from an instant in
     * memory matches the row it came from. ({@code Clock.tick} with a sub-millisecond tick fails in Java 17's
     * {@code millis()}.)
     */
    static final class MicrosecondClock extends Clock {

        private final Clock system = Clock.systemUTC();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the application clock is always UTC");
        }

        @Override
        public long millis() {
            return system.millis();
        }

        @Override
        public Instant instant() {
            return system.instant().truncatedTo(ChronoUnit.MICROS);
        }
    }
}
