package dev.scrumpoker.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrumpoker.application.account.VerifiedCaller;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HmacConnectionTicketsTest {

    private final Instant now = Instant.parse("2026-11-30T12:00:00Z");
    private final VerifiedCaller ada = new VerifiedCaller(UUID.randomUUID(), "Ada 👩‍💻");
    private final Set<String> used = new HashSet<>();
    private HmacConnectionTickets tickets;

    @BeforeEach
    void setUp() {
        tickets = at(now);
    }

    private HmacConnectionTickets at(Instant instant) {
        HmacConnectionTickets at = new HmacConnectionTickets();
        at.clock = Clock.fixed(instant, ZoneOffset.UTC);
        at.uses = (id, forgetAfter) -> used.add(id);
        at.deriveKey();
        return at;
    }

    @Test
    void aTicketStandsForItsCallerOnce() {
        String ticket = tickets.issue(ada).ticket();

        assertEquals(Optional.of(ada), tickets.redeem(ticket));
        assertEquals(Optional.empty(), tickets.redeem(ticket), "a second use is refused");
    }

    @Test
    void aTicketIsGoodForThirtySeconds() {
        assertEquals(30, tickets.issue(ada).expiresInSeconds());
        String ticket = tickets.issue(ada).ticket();

        assertEquals(Optional.empty(), at(now.plusSeconds(30)).redeem(ticket));
        assertEquals(Optional.of(ada), at(now.plusSeconds(29)).redeem(ticket));
    }

    @Test
    void aChangedTicketIsRefused() {
        String ticket = tickets.issue(ada).ticket();
        String payload = ticket.substring(0, ticket.indexOf('.'));
        String mac = ticket.substring(ticket.indexOf('.') + 1);
        String otherPayload = tickets.issue(new VerifiedCaller(UUID.randomUUID(), "Eve")).ticket();

        for (String forged : new String[] {
                otherPayload.substring(0, otherPayload.indexOf('.')) + "." + mac,
                payload + "." + mac.substring(1),
                payload, "", ".", "a.b", "%%%.%%%", "x".repeat(600)}) {
            assertEquals(Optional.empty(), tickets.redeem(forged), forged);
        }
        assertTrue(tickets.redeem(null).isEmpty());
        assertEquals(Optional.of(ada), tickets.redeem(ticket), "the untouched ticket still works");
    }
}
