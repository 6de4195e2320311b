package dev.scrumpoker.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TextTest {

    @Test
    void requireStripsSurroundingWhitespace() {
        assertEquals("Alice", Text.require("name", "  Alice\t\n", 1, 40));
    }

    @Test
    void requireKeepsInnerSpaces() {
        assertEquals("Ada Lovelace", Text.require("name", " Ada Lovelace ", 1, 40));
    }

    @Test
    void requireRefusesNullNamingTheField() {
        DomainException e = assertThrows(DomainException.class, () -> Text.require("title", null, 1, 10));
        assertEquals(Reason.VALIDATION_FAILED, e.reason());
        assertEquals("title is required", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   \t  "})
    void requireRefusesBlankWhenAtLeastOneCharacterIsNeeded(String blank) {
        DomainException e = assertThrows(DomainException.class, () -> Text.require("title", blank, 1, 10));
        assertEquals(Reason.VALIDATION_FAILED, e.reason());
        assertTrue(e.getMessage().startsWith("title must be 1–10"), e.getMessage());
    }

    @Test
    void requireAcceptsExactlyMinAndMax() {
        assertEquals("ab", Text.require("f", "ab", 2, 4));
        assertEquals("abcd", Text.require("f", "abcd", 2, 4));
    }

    @Test
    void requireRefusesOneBelowMinAndOneAboveMax() {
        assertThrows(DomainException.class, () -> Text.require("f", "a", 2, 4));
        assertThrows(DomainException.class, () -> Text.require("f", "abcde", 2, 4));
    }

    @Test
    void lengthIsMeasuredAfterStripping() {
        assertEquals("abcd", Text.require("f", "   abcd   ", 1, 4));
    }

    @Test
    void lengthIsCountedInCodePointsSoAnEmojiIsOneCharacter() {
        String fourEmoji = "😀😀😀😀"; // 8 UTF-16 chars, 4 code points
        assertEquals(8, fourEmoji.length());
        assertEquals(fourEmoji, Text.require("f", fourEmoji, 1, 4));
        assertThrows(DomainException.class, () -> Text.require("f", fourEmoji + "😀", 1, 4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\u0007b", "a\tb", "a\nb", "a\u001fb", "a\u007fb", "a\u0085b"})
    void requireRefusesControlCharactersInside(String value) {
        DomainException e = assertThrows(DomainException.class, () -> Text.require("name", value, 1, 40));
        assertEquals(Reason.VALIDATION_FAILED, e.reason());
        assertEquals("name must not contain control characters", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bob\u202Enimda", "a\u2066b\u2069", "Al\u200Bice", "a\u2060b", "\uFEFFname", "a\u200Eb"})
    void requireRefusesDirectionAndZeroWidthCharacters(String value) {
        DomainException e = assertThrows(DomainException.class, () -> Text.require("name", value, 1, 40));
        assertEquals("name must not contain invisible direction or zero-width characters", e.getMessage());
    }

    @Test
    void requireKeepsTheJoinersThatScriptsAndEmojiNeed() {
        String family = "👨\u200D👩\u200D👧";
        assertEquals(family, Text.require("name", family, 1, 40));
        assertEquals("می\u200Cخواهم", Text.require("name", "می\u200Cخواهم", 1, 40));
    }

    @Test
    void requireAcceptsNonAsciiLetters() {
        assertEquals("Zoë Łukasz 王", Text.require("name", "Zoë Łukasz 王", 1, 40));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t \n"})
    void optionalGivesNullForMissingOrBlank(String value) {
        assertNull(Text.optional("storyTitle", value, 10));
    }

    @Test
    void optionalStripsAPresentValue() {
        assertEquals("Login page", Text.optional("storyTitle", "  Login page ", 20));
    }

    @Test
    void optionalStillChecksTheMaximumAndControlCharacters() {
        assertThrows(DomainException.class, () -> Text.optional("storyTitle", "x".repeat(11), 10));
        assertThrows(DomainException.class, () -> Text.optional("storyTitle", "a\u0000b", 10));
        assertEquals("x".repeat(10), Text.optional("storyTitle", "x".repeat(10), 10));
    }
}
