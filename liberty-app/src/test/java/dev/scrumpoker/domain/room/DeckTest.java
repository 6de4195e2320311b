package dev.scrumpoker.domain.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrumpoker.domain.shared.DomainException;
import dev.scrumpoker.domain.shared.Reason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class DeckTest {

    static Stream<Arguments> contractDecks() {
        return Stream.of(
                Arguments.of(DeckType.FIBONACCI, "0 1 2 3 5 8 13 21 34 55 89 ?"),
                Arguments.of(DeckType.MODIFIED_FIBONACCI, "0 ½ 1 2 3 5 8 13 20 40 100 ? ☕"),
                Arguments.of(DeckType.TSHIRT, "XS S M L XL XXL ?"),
                Arguments.of(DeckType.POWERS_OF_2, "0 1 2 4 8 16 32 64 ?"));
    }

    @ParameterizedTest
    @MethodSource("contractDecks")
    void standardDecksHaveExactlyTheContractCardsInOrder(DeckType type, String contractCards) {
        List<String> expected = List.of(contractCards.split(" "));
        assertEquals(expected, type.standardCards());
        Deck deck = Deck.of(type, null);
        assertEquals(type, deck.type());
        assertEquals(expected, deck.cards());
    }

    @Test
    void customHasNoStandardCards() {
        assertTrue(DeckType.CUSTOM.standardCards().isEmpty());
    }

    @ParameterizedTest
    @EnumSource(value = DeckType.class, names = "CUSTOM", mode = EnumSource.Mode.EXCLUDE)
    void standardDeckAcceptsAnEmptyCardList(DeckType type) {
        assertEquals(type.standardCards(), Deck.of(type, List.of()).cards());
    }

    @ParameterizedTest
    @EnumSource(value = DeckType.class, names = "CUSTOM", mode = EnumSource.Mode.EXCLUDE)
    void standardDeckRefusesCustomCards(DeckType type) {
        DomainException e = assertThrows(DomainException.class, () -> Deck.of(type, List.of("1", "2")));
        assertEquals(Reason.VALIDATION_FAILED, e.reason());
    }

    @Test
    void missingTypeIsAValidationFailure() {
        DomainException e = assertThrows(DomainException.class, () -> Deck.of(null, null));
        assertEquals(Reason.VALIDATION_FAILED, e.reason());
    }

    @Test
    void customDeckKeepsTheCardsInTheGivenOrder() {
        Deck deck = Deck.of(DeckType.CUSTOM, List.of("S", "M", "L", "🚀"));
        assertEquals(DeckType.CUSTOM, deck.type());
        assertEquals(List.of("S", "M", "L", "🚀"), deck.cards());
    }

    @Test
    void customCardsAreStripped() {
        assertEquals(List.of("1", "2 pts"), Deck.of(DeckType.CUSTOM, List.of(" 1 ", "2 pts\t")).cards());
    }

    @Test
    void customDeckAcceptsTwoAndTwentyCards() {
        assertEquals(2, Deck.of(DeckType.CUSTOM, numbered(2)).cards().size());
        assertEquals(20, Deck.of(DeckType.CUSTOM, numbered(20)).cards().size());
    }

    @Test
    void customDeckRefusesFewerThanTwoOrMoreThanTwentyCards() {
        assertThrows(DomainException.class, () -> Deck.of(DeckType.CUSTOM, null));
        assertThrows(DomainException.class, () -> Deck.of(DeckType.CUSTOM, List.of()));
        assertThrows(DomainException.class, () -> Deck.of(DeckType.CUSTOM, numbered(1)));
        DomainException e = assertThrows(DomainException.class, () -> Deck.of(DeckType.CUSTOM, numbered(21)));
        assertEquals(Reason.VALIDATION_FAILED, e.reason());
    }

    @Test
    void customCardsMayHaveEightCharactersButNotNine() {
        assertEquals("12345678", Deck.of(DeckType.CUSTOM, List.of("12345678", "x")).cards().get(0));
        assertThrows(DomainException.class, () -> Deck.of(DeckType.CUSTOM, List.of("123456789", "x")));
    }

    @Test
    void cardLengthCountsEmojiAsOneCharacter() {
        String eightEmoji = "🍕".repeat(8);
        assertEquals(eightEmoji, Deck.of(DeckType.CUSTOM, List.of(eightEmoji, "x")).cards().get(0));
    }

    @Test
    void customCardsMustBeDistinctAfterStripping() {
        DomainException e = assertThrows(DomainException.class, () -> Deck.of(DeckType.CUSTOM, List.of("a", " a ")));
        assertEquals(Reason.VALIDATION_FAILED, e.reason());
    }

    @Test
    void customCardsAreCaseSensitive() {
        assertEquals(List.of("a", "A"), Deck.of(DeckType.CUSTOM, List.of("a", "A")).cards());
    }

    @Test
    void blankNullOrControlCharacterCardsAreRefused() {
        assertThrows(DomainException.class, () -> Deck.of(DeckType.CUSTOM, List.of("a", "  ")));
        assertThrows(DomainException.class, () -> Deck.of(DeckType.CUSTOM, Arrays.asList("a", null)));
        assertThrows(DomainException.class, () -> Deck.of(DeckType.CUSTOM, List.of("a", "b\u001fc")));
    }

    @Test
    void cardsCannotBeChangedFromOutside() {
        List<String> source = new ArrayList<>(List.of("a", "b"));
        Deck deck = Deck.of(DeckType.CUSTOM, source);
        source.set(0, "z");
        assertEquals(List.of("a", "b"), deck.cards());
        assertThrows(UnsupportedOperationException.class, () -> deck.cards().add("c"));
    }

    @Test
    void containsOnlyTheExactCards() {
        Deck deck = Deck.of(DeckType.MODIFIED_FIBONACCI, null);
        assertTrue(deck.contains("½"));
        assertTrue(deck.contains("☕"));
        assertTrue(deck.contains("100"));
        assertFalse(deck.contains("0.5"));
        assertFalse(deck.contains(" 1"));
        assertFalse(deck.contains("21"));
    }

    @Test
    void containsAnswersFalseForNull() {
        assertFalse(Deck.of(DeckType.FIBONACCI, null).contains(null));
        assertFalse(Deck.of(DeckType.CUSTOM, List.of("a", "b")).contains(null));
    }

    private static List<String> numbered(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(String::valueOf).toList();
    }
}
