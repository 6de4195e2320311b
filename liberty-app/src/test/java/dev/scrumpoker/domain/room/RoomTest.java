package dev.scrumpoker.domain.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrumpoker.domain.shared.DomainException;
import dev.scrumpoker.domain.shared.Reason;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RoomTest {

    private static final Instant NOW = Instant.parse("2025-03-01T09:30:00Z");
    private final UUID owner = UUID.randomUUID();

    private Room room(Privacy privacy) {
        return new Room("Sprint 42", Deck.of(DeckType.FIBONACCI, null), privacy, owner, NOW);
    }

    @Test
    void newRoomHasAWellFormedCodeAndItsFields() {
        Room room = new Room("  Sprint 42 ", Deck.of(DeckType.TSHIRT, null), Privacy.INVITE_ONLY, owner, NOW);
        assertTrue(RoomCode.isWellFormed(room.id()), room.id());
        assertEquals("Sprint 42", room.title());
        assertEquals(Privacy.INVITE_ONLY, room.privacy());
        assertEquals(owner, room.ownerId());
        assertEquals(NOW, room.createdAt());
        assertFalse(room.isDeleted());
    }

    @Test
    void everyRoomHasItsOwnCodeAndInviteKey() {
        Room a = room(Privacy.PUBLIC);
        Room b = room(Privacy.PUBLIC);
        assertNotEquals(a.id(), b.id());
        assertNotEquals(a.inviteKey(), b.inviteKey());
        assertNotEquals(a.id(), a.inviteKey());
        assertEquals(22, a.inviteKey().length());
    }

    @ParameterizedTest
    @EnumSource(value = DeckType.class, names = "CUSTOM", mode = EnumSource.Mode.EXCLUDE)
    void standardDeckSurvivesTheRoundTrip(DeckType type) {
        Deck deck = Deck.of(type, null);
        Room room = new Room("t", deck, Privacy.PUBLIC, owner, NOW);
        assertEquals(deck, room.deck());
    }

    @Test
    void customDeckSurvivesTheRoundTrip() {
        Deck deck = Deck.of(DeckType.CUSTOM,
                List.of("½", "1 pt", "a|b", ".*", "\\", "🚀🚀", "XL", "?", "☕", "1,5"));
        Room room = new Room("t", deck, Privacy.PUBLIC, owner, NOW);
        assertEquals(DeckType.CUSTOM, room.deck().type());
        assertEquals(deck.cards(), room.deck().cards());
        assertEquals(deck, room.deck());
    }

    @Test
    void twoCardCustomDeckSurvivesTheRoundTrip() {
        Deck deck = Deck.of(DeckType.CUSTOM, List.of("yes", "no"));
        assertEquals(deck, new Room("t", deck, Privacy.PUBLIC, owner, NOW).deck());
    }

    @Test
    void titleIsStrippedAndLimitedTo120Characters() {
        assertEquals("x".repeat(120), Room.title(" " + "x".repeat(120) + " "));
        DomainException e = assertThrows(DomainException.class, () -> Room.title("x".repeat(121)));
        assertEquals(Reason.VALIDATION_FAILED, e.reason());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "a\u0000b"})
    void constructorRefusesABadTitle(String title) {
        assertThrows(DomainException.class,
                () -> new Room(title, Deck.of(DeckType.FIBONACCI, null), Privacy.PUBLIC, owner, NOW));
    }

    @Test
    void constructorRequiresDeckPrivacyOwnerAndTime() {
        Deck deck = Deck.of(DeckType.FIBONACCI, null);
        assertThrows(NullPointerException.class, () -> new Room("t", null, Privacy.PUBLIC, owner, NOW));
        assertThrows(NullPointerException.class, () -> new Room("t", deck, null, owner, NOW));
        assertThrows(NullPointerException.class, () -> new Room("t", deck, Privacy.PUBLIC, null, NOW));
        assertThrows(NullPointerException.class, () -> new Room("t", deck, Privacy.PUBLIC, owner, null));
    }

    @Test
    void publicRoomAdmitsAnyone() {
        Room room = room(Privacy.PUBLIC);
        assertTrue(room.admits(UUID.randomUUID(), null));
        assertTrue(room.admits(UUID.randomUUID(), "wrong"));
        assertTrue(room.admits(owner, null));
    }

    @Test
    void inviteOnlyRoomAdmitsTheOwnerWithoutKey() {
        assertTrue(room(Privacy.INVITE_ONLY).admits(owner, null));
    }

    @Test
    void inviteOnlyRoomAdmitsAStrangerOnlyWithTheInviteKey() {
        Room room = room(Privacy.INVITE_ONLY);
        UUID stranger = UUID.randomUUID();
        assertTrue(room.admits(stranger, room.inviteKey()));
        assertFalse(room.admits(stranger, null));
        assertFalse(room.admits(stranger, ""));
        assertFalse(room.admits(stranger, "wrong"));
        assertFalse(room.admits(stranger, room.id()));
        assertFalse(room.admits(stranger, " " + room.inviteKey()));
        assertFalse(room.admits(stranger, swapCase(room.inviteKey())));
        assertFalse(room.admits(stranger, room(Privacy.INVITE_ONLY).inviteKey()));
    }

    @Test
    void ownershipIsByUserId() {
        Room room = room(Privacy.PUBLIC);
        assertTrue(room.isOwnedBy(owner));
        assertFalse(room.isOwnedBy(UUID.randomUUID()));
        assertFalse(room.isOwnedBy(null));
    }

    @Test
    void deleteIsSoftAndIdempotent() {
        Room room = room(Privacy.PUBLIC);
        room.delete(NOW.plusSeconds(60));
        assertTrue(room.isDeleted());
        room.delete(NOW.plusSeconds(120));
        assertTrue(room.isDeleted());
        assertEquals("Sprint 42", room.title());
        assertEquals(Deck.of(DeckType.FIBONACCI, null), room.deck());
    }

    @Test
    void toStringNamesOnlyTheCode() {
        Room room = room(Privacy.INVITE_ONLY);
        assertEquals("Room[" + room.id() + "]", room.toString());
        assertFalse(room.toString().contains(room.inviteKey()));
    }

    private static String swapCase(String text) {
        StringBuilder swapped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            swapped.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return swapped.toString();
    }
}
