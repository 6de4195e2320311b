package dev.scrumpoker.domain.account;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrumpoker.domain.shared.DomainException;
import dev.scrumpoker.domain.shared.Reason;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UserTest {

    private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");

    @Test
    void displayNameIsStripped() {
        assertEquals("Alice", User.displayName("  Alice "));
    }

    @Test
    void displayNameAcceptsOneToFortyCharacters() {
        assertEquals("A", User.displayName("A"));
        assertEquals("x".repeat(40), User.displayName("x".repeat(40)));
    }

    @Test
    void displayNameOfFortyEmojiIsFortyCharacters() {
        String forty = "🦊".repeat(40);
        assertEquals(forty, User.displayName(forty));
        assertThrows(DomainException.class, () -> User.displayName(forty + "🦊"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "a\u0000b"})
    void displayNameRefusesMissingBlankOrControlCharacters(String value) {
        DomainException e = assertThrows(DomainException.class, () -> User.displayName(value));
        assertEquals(Reason.VALIDATION_FAILED, e.reason());
    }

    @Test
    void displayNameRefusesFortyOneCharacters() {
        DomainException e = assertThrows(DomainException.class, () -> User.displayName("x".repeat(41)));
        assertEquals(Reason.VALIDATION_FAILED, e.reason());
    }

    @Test
    void normalizeEmailLowerCasesAndStrips() {
        assertEquals("alice@example.com", User.normalizeEmail("  Alice@Example.COM "));
    }

    @Test
    void normalizeEmailMakesDifferentlyCasedAddressesEqual() {
        assertEquals(User.normalizeEmail("BOB@x.org"), User.normalizeEmail("bob@X.ORG"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"first.last+tag@sub.example.co.uk", "a@b.c", "ünï@exämple.de"})
    void normalizeEmailAcceptsPlausibleAddresses(String email) {
        assertEquals(email.toLowerCase(java.util.Locale.ROOT), User.normalizeEmail(email));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"plain", "no-dot@host", "@example.com", "alice@", "a@@b.com", "a b@c.de", "a@b c.de",
            "a@b.", "   ", "a\u0000b@example.com", "a@exam\u0007ple.com", "a\u200Bb@example.com", "a@b.c\u202E"})
    void normalizeEmailRefusesMalformedAddresses(String email) {
        DomainException e = assertThrows(DomainException.class, () -> User.normalizeEmail(email));
        assertEquals(Reason.VALIDATION_FAILED, e.reason());
    }

    /** A login only looks the address up, but no stored address holds a control character (PostgreSQL cannot compare NUL). */
    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b@example.com", "a@example.com\u001f", "\u007f@example.com"})
    void canonicalEmailRefusesControlCharacters(String email) {
        DomainException e = assertThrows(DomainException.class, () -> User.canonicalEmail(email));
        assertEquals(Reason.VALIDATION_FAILED, e.reason());
    }

    @Test
    void canonicalEmailOnlyLowerCasesAndStripsWhatItDoesNotJudge() {
        assertEquals("not an address", User.canonicalEmail("  Not An Address "));
    }

    @Test
    void normalizeEmailRefusesAddressesLongerThan254() {
        String local = "a".repeat(64);
        String tooLong = local + "@" + "d".repeat(254 - local.length() - 1 - 4 + 1) + ".com";
        assertEquals(255, tooLong.length());
        assertThrows(DomainException.class, () -> User.normalizeEmail(tooLong));
        String longest = tooLong.substring(1);
        assertEquals(254, longest.length());
        assertEquals(longest, User.normalizeEmail(longest));
    }

    @Test
    void checkPasswordAcceptsTenCharacters() {
        assertDoesNotThrow(() -> User.checkPassword("0123456789"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"short", "123456789"})
    void checkPasswordRefusesFewerThanTen(String password) {
        DomainException e = assertThrows(DomainException.class, () -> User.checkPassword(password));
        assertEquals(Reason.VALIDATION_FAILED, e.reason());
        assertTrue(e.getMessage().contains(String.valueOf(User.MIN_PASSWORD_LENGTH)), e.getMessage());
    }

    @Test
    void checkPasswordHasAnUpperBound() {
        assertDoesNotThrow(() -> User.checkPassword("p".repeat(1024)));
        assertThrows(DomainException.class, () -> User.checkPassword("p".repeat(1025)));
    }

    @Test
    void aGuestHasOnlyANameAndTheFreeTier() {
        User guest = User.guest(" Guesty ", NOW);
        assertNotNull(guest.id());
        assertEquals("Guesty", guest.displayName());
        assertTrue(guest.isGuest());
        assertNull(guest.email());
        assertNull(guest.passwordHash());
        assertEquals(Tier.FREE, guest.tier());
        assertEquals(NOW, guest.createdAt());
    }

    @Test
    void aGuestNeedsAValidName() {
        assertThrows(DomainException.class, () -> User.guest(" ", NOW));
    }

    @Test
    void aRegisteredUserHasANormalisedEmail() {
        User user = User.registered(" Carol@Example.com ", "hash", "Carol", NOW);
        assertFalse(user.isGuest());
        assertEquals("carol@example.com", user.email());
        assertEquals("hash", user.passwordHash());
        assertEquals(Tier.FREE, user.tier());
    }

    @Test
    void registeringRefusesABadEmailOrMissingHash() {
        assertThrows(DomainException.class, () -> User.registered("nope", "hash", "Carol", NOW));
        assertThrows(NullPointerException.class, () -> User.registered("c@example.com", null, "Carol", NOW));
    }

    @Test
    void everyUserGetsItsOwnId() {
        assertNotEquals(User.guest("A", NOW).id(), User.guest("A", NOW).id());
    }

    @Test
    void freeTierHasTheContractLimitsAndPaidTiersNone() {
        assertEquals(3, Tier.FREE.maxOpenRooms());
        assertEquals(20, Tier.FREE.roundHistory());
        assertEquals(Integer.MAX_VALUE, Tier.PRO.maxOpenRooms());
        assertEquals(Integer.MAX_VALUE, Tier.TEAM.roundHistory());
    }
}
